package org.roadmapledger.query.subscription;

import org.roadmapledger.query.feed.FeedItem;
import org.roadmapledger.query.feed.FeedSubscription;
import org.roadmapledger.query.feed.Follower;
import org.roadmapledger.query.feed.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Delivers one subscription's events, one at a time and in order: the feed fills a small outbox, the head of the
 * outbox is POSTed, and only a 2xx moves the durable cursor and lets the next one go. A failure waits (backoff
 * with jitter) and tries the same event again; after {@code suspend-after} of failures the event becomes a dead
 * letter and the subscription is suspended. No thread waits on a receiver: requests are asynchronous
 * ({@link WebhookPost}, which also sets the wait between attempts). What the deliveries did is noted in a
 * {@link DeliveryJournal} and written to the store in the background by a {@link JournalWriter}.
 */
final class WebhookRunner implements Follower {

    private static final Logger log = LoggerFactory.getLogger(WebhookRunner.class);

    private final WebhookContext context;
    private final String id;
    private final URI url;
    private final WebhookSigner signer;
    private final ArrayDeque<FeedItem> outbox = new ArrayDeque<>();
    private final CompletableFuture<Void> idle = new CompletableFuture<>();
    private final DeliveryJournal journal;
    private final JournalWriter writer;
    private volatile FeedSubscription feed;

    // guarded by this
    private boolean inFlight;
    private boolean stopping;
    private ScheduledFuture<?> retry;
    private int attempts;
    private Instant failingSince;
    private Instant nextAttemptAt;

    WebhookRunner(WebhookContext context, WebhookSubscription subscription) {
        this.context = context;
        this.id = subscription.id();
        this.url = URI.create(subscription.url());
        this.signer = WebhookSigner.of(subscription.secret());
        this.attempts = subscription.attempts();
        this.failingSince = subscription.failingSince();
        this.nextAttemptAt = subscription.nextAttemptAt();
        this.journal = new DeliveryJournal(id, subscription.position(), context.store().lastSeq(id),
                context.store().pendingDeadLetters(id));
        this.writer = new JournalWriter(id, journal, context, this, () -> stopping, this::completeIfIdle, this::stop);
    }

    String id() {
        return id;
    }

    void attach(FeedSubscription subscription) {
        this.feed = subscription;
    }

    // --- Follower ---------------------------------------------------------------------------------------------------

    @Override
    public synchronized boolean hasRoom() {
        return !stopping && outbox.size() < Math.max(1, context.properties().outbox());
    }

    @Override
    public void accept(FeedItem item) {
        synchronized (this) {
            if (stopping) {
                return;
            }
            outbox.add(item);
        }
        next();
    }

    @Override
    public boolean fellBehind(int kept) {
        return true; // read on from the event store: the outbox never loses an event
    }

    @Override
    public void ended(String reason) {
        stop();
    }

    // --- delivering -------------------------------------------------------------------------------------------------

    /** Sends the head of the outbox unless one is in flight or waiting for its retry. */
    private void next() {
        FeedItem item;
        synchronized (this) {
            if (stopping || inFlight || retry != null || outbox.isEmpty()) {
                return;
            }
            Instant now = context.clock().instant();
            if (nextAttemptAt != null && now.isBefore(nextAttemptAt)) {
                // a retry planned before a restart
                scheduleRetry(Duration.between(now, nextAttemptAt));
                return;
            }
            inFlight = true;
            item = outbox.peek();
        }
        send(item);
    }

    private void send(FeedItem item) {
        WebhookPost.send(context.http(), context.targetPolicy(), url, context.properties().requestTimeout(), signer,
                item, context.clock().instant()).whenCompleteAsync((outcome, failure) -> {
                    try {
                        if (failure != null) {
                            throw new IllegalStateException(failure);
                        }
                        completed(item, outcome);
                    } catch (RuntimeException e) {
                        log.error("Webhook {}: recording a delivery failed; retrying it", id, e);
                        synchronized (this) {
                            inFlight = false;
                            if (stopping) {
                                completeIfIdle();
                            } else {
                                scheduleRetry(context.properties().backoffBase());
                            }
                        }
                    }
                }, context.executor());
    }

    private void completed(FeedItem item, WebhookPost.Outcome outcome) {
        int attempt;
        synchronized (this) {
            attempt = attempts + 1;
            long attemptSeq = journal.nextSeq();
            journal.attempted(new DeliveryAttempt(id + ":" + attemptSeq, id, attemptSeq, item.event().eventId(),
                    item.event().type(), attempt, outcome.attemptedAt(), outcome.status(), outcome.elapsedMillis(),
                    outcome.error(), outcome.ok()));
        }
        if (outcome.ok()) {
            succeeded(item, outcome.attemptedAt());
        } else {
            failed(attempt, outcome.attemptedAt(), outcome.error());
        }
    }

    /**
     * The next event goes at once; the cursor and the log follow in the background, several acknowledgements in
     * one write when deliveries are quick. A graceful stop writes them all first; only a crash can leave the last
     * few acknowledged events to be delivered again.
     */
    private void succeeded(FeedItem item, Instant at) {
        synchronized (this) {
            outbox.poll();
            inFlight = false;
            attempts = 0;
            failingSince = null;
            nextAttemptAt = null;
            journal.delivered(item.position().encode(), at, item.event().eventId());
        }
        writer.soon();
        FeedSubscription current = feed;
        if (current != null) {
            current.wake();
        }
        next();
    }

    private void failed(int attempt, Instant attemptedAt, String error) {
        WebhookProperties properties = context.properties();
        Instant since;
        synchronized (this) {
            attempts = attempt;
            if (failingSince == null) {
                failingSince = attemptedAt;
            }
            since = failingSince;
        }
        Instant now = context.clock().instant();
        if (!Duration.between(since, now).minus(properties.suspendAfter()).isNegative()) {
            suspend(attempt, since, now, error);
            return;
        }
        Duration wait = WebhookPost.backoff(attempt, properties.backoffBase(), properties.backoffCap());
        Instant at = now.plus(wait);
        writer.now();
        Optional<WebhookSubscription> saved = context.store().failed(id, context.owner(), attempt, since, at, error);
        if (saved.isEmpty() || saved.get().state() != WebhookSubscription.State.ACTIVE) {
            synchronized (this) {
                inFlight = false;
            }
            stop();
            return;
        }
        log.debug("Webhook {}: attempt {} failed ({}); next in {} ms", id, attempt, error, wait.toMillis());
        synchronized (this) {
            inFlight = false;
            nextAttemptAt = at;
            if (stopping) {
                completeIfIdle();
                return;
            }
            scheduleRetry(wait);
        }
    }

    private void suspend(int attempt, Instant since, Instant now, String error) {
        FeedItem item;
        synchronized (this) {
            item = outbox.peek();
        }
        writer.now();
        synchronized (this) {
            inFlight = false;
        }
        journal.suspend(context.store(), context.owner(), item, attempt, since, now, error);
        stop();
    }

    // guarded by this
    private void completeIfIdle() {
        if (stopping && !inFlight && !writer.writing()) {
            idle.complete(null);
        }
    }

    private void scheduleRetry(Duration wait) {
        retry = context.timer().schedule(() -> {
            synchronized (this) {
                retry = null;
            }
            next();
        }, Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
    }

    // --- lifecycle --------------------------------------------------------------------------------------------------

    /**
     * Moves the cursor to the feed's position when nothing is waiting to be delivered, so that a filtered
     * subscription's cursor moves past what it filters out (and a restart does not read it all again).
     */
    void saveIdlePosition() {
        FeedSubscription current = feed;
        if (current == null) {
            return;
        }
        // read before looking at the outbox: an event the feed handed over by then is in it, or delivered
        Position position = current.position();
        synchronized (this) {
            if (stopping || inFlight || !outbox.isEmpty() || retry != null) {
                return;
            }
            journal.passedTo(position.encode());
        }
        writer.soon();
    }

    /** Stops taking events; what is in flight finishes, and everything is written, before it completes. */
    CompletableFuture<Void> stop() {
        boolean first;
        synchronized (this) {
            first = !stopping;
            stopping = true;
            if (retry != null) {
                retry.cancel(false);
                retry = null;
            }
            outbox.clear();
        }
        if (first) {
            FeedSubscription current = feed;
            if (current != null) {
                current.close();
            }
            context.stopped(this);
        }
        writer.soon();
        synchronized (this) {
            completeIfIdle();
        }
        return idle;
    }

    @Override
    public String toString() {
        return "webhook " + id + " to " + url;
    }
}
