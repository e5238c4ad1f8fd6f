package org.roadmapledger.query.asof;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.roadmapledger.api.objective.FindObjectiveAsOf;
import org.roadmapledger.query.feed.FeedItem;
import org.roadmapledger.query.feed.FeedSubscription;
import org.roadmapledger.query.feed.Filter;
import org.roadmapledger.query.feed.Follower;
import org.roadmapledger.query.feed.LedgerFeed;
import org.roadmapledger.query.objective.versions.ProjectionProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Updates of current {@link FindObjectiveAsOf} subscription queries. It follows the ledger on the change feed,
 * and for each event of an objective someone subscribed to, waits until the versions projection has applied it
 * (on this instance or another: {@link ProjectionProgress}), then emits the objective's view read from the
 * projection. Every instance follows every event, so the instance holding a subscription always hears of it,
 * whichever instance's processor segment applied the event.
 */
@Component
class ObjectiveUpdates implements Follower, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ObjectiveUpdates.class);
    private static final long PROJECTION_WAIT_SECONDS = 30;

    private final LedgerFeed feed;
    private final QueryUpdateEmitter emitter;
    private final ProjectionProgress progress;
    private final ObjectiveAsOfQueries queries;
    private volatile FeedSubscription subscription;
    private ExecutorService emitting;

    ObjectiveUpdates(LedgerFeed feed, QueryUpdateEmitter emitter, ProjectionProgress progress,
                     ObjectiveAsOfQueries queries) {
        this.feed = feed;
        this.emitter = emitter;
        this.progress = progress;
        this.queries = queries;
    }

    @Override
    public boolean hasRoom() {
        return true;
    }

    @Override
    public void accept(FeedItem item) {
        if (!"objective".equals(item.event().aggregate())) {
            return;
        }
        String objectiveId = item.event().subject();
        if (subscribers(objectiveId).isEmpty()) {
            return;
        }
        progress.reached(objectiveId, item.event().subjectVersion())
                .orTimeout(PROJECTION_WAIT_SECONDS, TimeUnit.SECONDS)
                // not on the projection's thread, which completes the wait
                .whenCompleteAsync((reached, failure) -> {
                    if (failure != null) {
                        log.warn("Objective {} version {} did not reach the views in {} s; no update emitted",
                                objectiveId, item.event().subjectVersion(), PROJECTION_WAIT_SECONDS);
                        return;
                    }
                    emit(objectiveId);
                }, emitting);
    }

    private void emit(String objectiveId) {
        for (FindObjectiveAsOf query : subscribers(objectiveId)) {
            try {
                queries.answer(query).ifPresent(view -> emitter.emit(FindObjectiveAsOf.class, query::equals, view));
            } catch (RuntimeException e) {
                log.warn("Update of {} could not be emitted", query, e);
            }
        }
    }

    private List<FindObjectiveAsOf> subscribers(String objectiveId) {
        return emitter.activeSubscriptions().stream()
                .map(SubscriptionQueryMessage::getPayload)
                .filter(FindObjectiveAsOf.class::isInstance)
                .map(FindObjectiveAsOf.class::cast)
                .filter(query -> query.isCurrent() && query.objectiveId().value().equals(objectiveId))
                .distinct()
                .toList();
    }

    @Override
    public boolean fellBehind(int kept) {
        return true;
    }

    @Override
    public void start() {
        emitting = Executors.newSingleThreadExecutor(new AxonThreadFactory("ledger-query-updates"));
        subscription = feed.subscribe(feed.now(), Filter.ALL, this);
    }

    @Override
    public void stop() {
        FeedSubscription current = subscription;
        if (current != null) {
            current.close();
        }
        subscription = null;
        if (emitting != null) {
            emitting.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return subscription != null;
    }
}
