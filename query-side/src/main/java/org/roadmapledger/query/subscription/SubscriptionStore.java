package org.roadmapledger.query.subscription;

import jakarta.annotation.PostConstruct;
import org.roadmapledger.query.web.PageOf;
import org.roadmapledger.query.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Subscriptions, their delivery log and dead letters in MongoDB. Every change is one targeted update, and the
 * deliverer's changes only apply while it still owns the subscription, so two instances never both move a cursor.
 */
@Component
class SubscriptionStore {

    private static final FindAndModifyOptions NEW = FindAndModifyOptions.options().returnNew(true);

    private final MongoTemplate mongo;

    SubscriptionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(WebhookSubscription.class).ensureIndex(new Index().named("state_lease")
                .on("state", Sort.Direction.ASC).on("leaseUntil", Sort.Direction.ASC));
        mongo.indexOps(DeliveryAttempt.class).ensureIndex(new Index().named("subscription_seq")
                .on("subscriptionId", Sort.Direction.ASC).on("seq", Sort.Direction.DESC));
        mongo.indexOps(DeliveryAttempt.class).ensureIndex(new Index().named("attempted_at")
                .on("attemptedAt", Sort.Direction.ASC));
        mongo.indexOps(DeadLetter.class).ensureIndex(new Index().named("subscription_dead_at")
                .on("subscriptionId", Sort.Direction.ASC).on("deadAt", Sort.Direction.ASC));
    }

    // --- subscriptions ----------------------------------------------------------------------------------------------

    void insert(WebhookSubscription subscription) {
        mongo.insert(subscription);
    }

    Optional<WebhookSubscription> find(String id) {
        return Optional.ofNullable(mongo.findById(id, WebhookSubscription.class));
    }

    PageOf<WebhookSubscription> list(String createdBy, Paging paging) {
        Query query = Query.query(where("createdBy").is(createdBy));
        long total = mongo.count(query, WebhookSubscription.class);
        List<WebhookSubscription> items = mongo.find(query.with(Sort.by("createdAt", "id")).skip(paging.offset())
                .limit(paging.size()), WebhookSubscription.class);
        return new PageOf<>(items, paging.page(), paging.size(), total);
    }

    boolean delete(String id) {
        boolean deleted = mongo.remove(Query.query(where("_id").is(id)), WebhookSubscription.class)
                .getDeletedCount() > 0;
        mongo.remove(Query.query(where("subscriptionId").is(id)), DeliveryAttempt.class);
        mongo.remove(Query.query(where("subscriptionId").is(id)), DeadLetter.class);
        return deleted;
    }

    /** Moves a subscription from one of {@code from} to {@code to}, with the extra changes; empty if it was not. */
    Optional<WebhookSubscription> changeState(String id, List<WebhookSubscription.State> from,
                                              WebhookSubscription.State to, Update also) {
        return Optional.ofNullable(mongo.findAndModify(Query.query(where("_id").is(id).and("state").in(from)),
                also.set("state", to), NEW, WebhookSubscription.class));
    }

    // --- the deliverer's changes, only while it owns the subscription ------------------------------------------------

    /** The cursor moved on: past {@code deliveries} acknowledged events (none: past filtered-out ones only). */
    Optional<WebhookSubscription> delivered(String id, String owner, String position, long deliveries,
                                            Instant lastDeliveredAt) {
        Update update = new Update().set("position", position);
        if (deliveries > 0) {
            update.set("attempts", 0).unset("failingSince").unset("nextAttemptAt").unset("lastError")
                    .set("lastDeliveredAt", lastDeliveredAt).inc("delivered", deliveries);
        }
        return owned(id, owner, update);
    }

    Optional<WebhookSubscription> failed(String id, String owner, int attempts, Instant failingSince,
                                         Instant nextAttemptAt, String error) {
        return owned(id, owner, new Update().set("attempts", attempts).set("failingSince", failingSince)
                .set("nextAttemptAt", nextAttemptAt).set("lastError", error));
    }

    Optional<WebhookSubscription> suspended(String id, String owner, int attempts, String error) {
        return owned(id, owner, new Update().set("state", WebhookSubscription.State.SUSPENDED)
                .set("attempts", attempts).unset("nextAttemptAt").set("lastError", error));
    }

    private Optional<WebhookSubscription> owned(String id, String owner, Update update) {
        return Optional.ofNullable(mongo.findAndModify(Query.query(where("_id").is(id).and("owner").is(owner)),
                update, NEW, WebhookSubscription.class));
    }

    // --- leases -----------------------------------------------------------------------------------------------------

    /** Renews this instance's leases on active subscriptions; returns those it holds. */
    List<WebhookSubscription> renew(String owner, Instant until) {
        Query mine = Query.query(where("owner").is(owner).and("state").is(WebhookSubscription.State.ACTIVE));
        mongo.updateMulti(mine, new Update().set("leaseUntil", until), WebhookSubscription.class);
        return mongo.find(mine, WebhookSubscription.class);
    }

    /** Takes one active subscription that nobody holds, or whose holder let its lease run out. */
    Optional<WebhookSubscription> claimAny(String owner, Instant now, Instant until) {
        return claim(Criteria.where("state").is(WebhookSubscription.State.ACTIVE), owner, now, until);
    }

    Optional<WebhookSubscription> claim(String id, String owner, Instant now, Instant until) {
        return claim(where("_id").is(id).and("state").is(WebhookSubscription.State.ACTIVE), owner, now, until);
    }

    private Optional<WebhookSubscription> claim(Criteria which, String owner, Instant now, Instant until) {
        Query free = Query.query(which.and("owner").ne(owner).orOperator(where("owner").is(null),
                where("leaseUntil").lt(now)));
        return Optional.ofNullable(mongo.findAndModify(free, new Update().set("owner", owner)
                .set("leaseUntil", until), NEW, WebhookSubscription.class));
    }

    void release(String id, String owner) {
        mongo.updateFirst(Query.query(where("_id").is(id).and("owner").is(owner)),
                new Update().unset("owner").unset("leaseUntil"), WebhookSubscription.class);
    }

    // --- delivery log -----------------------------------------------------------------------------------------------

    void log(List<DeliveryAttempt> attempts) {
        mongo.insertAll(attempts);
    }

    long lastSeq(String subscriptionId) {
        DeliveryAttempt last = mongo.findOne(Query.query(where("subscriptionId").is(subscriptionId))
                .with(Sort.by(Sort.Direction.DESC, "seq")).limit(1), DeliveryAttempt.class);
        return last == null ? 0 : last.seq();
    }

    void trimLog(String subscriptionId, long keepAbove) {
        mongo.remove(Query.query(where("subscriptionId").is(subscriptionId).and("seq").lte(keepAbove)),
                DeliveryAttempt.class);
    }

    void trimLogBefore(Instant instant) {
        mongo.remove(Query.query(where("attemptedAt").lt(instant)), DeliveryAttempt.class);
    }

    PageOf<DeliveryAttempt> attempts(String subscriptionId, Paging paging) {
        Query query = Query.query(where("subscriptionId").is(subscriptionId));
        long total = mongo.count(query, DeliveryAttempt.class);
        List<DeliveryAttempt> items = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "seq"))
                .skip(paging.offset()).limit(paging.size()), DeliveryAttempt.class);
        return new PageOf<>(items, paging.page(), paging.size(), total);
    }

    // --- dead letters -----------------------------------------------------------------------------------------------

    void deadLetter(DeadLetter letter) {
        mongo.insert(letter);
    }

    PageOf<DeadLetter> deadLetters(String subscriptionId, Paging paging) {
        Query query = Query.query(where("subscriptionId").is(subscriptionId));
        long total = mongo.count(query, DeadLetter.class);
        List<DeadLetter> items = mongo.find(query.with(Sort.by("deadAt")).skip(paging.offset())
                .limit(paging.size()), DeadLetter.class);
        return new PageOf<>(items, paging.page(), paging.size(), total);
    }

    long pendingDeadLetters(String subscriptionId) {
        return mongo.count(Query.query(where("subscriptionId").is(subscriptionId).and("deliveredAt").is(null)),
                DeadLetter.class);
    }

    long redeliveryRequested(String subscriptionId, Instant at) {
        return mongo.updateMulti(Query.query(where("subscriptionId").is(subscriptionId).and("deliveredAt").is(null)),
                new Update().set("redeliveredAt", at), DeadLetter.class).getModifiedCount();
    }

    void deadLetterDelivered(String subscriptionId, String eventId, Instant at) {
        mongo.updateMulti(Query.query(where("subscriptionId").is(subscriptionId).and("eventId").is(eventId)
                .and("deliveredAt").is(null)), new Update().set("deliveredAt", at), DeadLetter.class);
    }
}
