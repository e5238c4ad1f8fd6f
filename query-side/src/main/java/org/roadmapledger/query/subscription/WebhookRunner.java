package org.roadmapledger.query.subscription;

import org.roadmapledger.query.feed.FeedItem;
import org.roadmapledger.query.feed.FeedSubscription;
import org.roadmapledger.query.feed.Follower;
import org.roadmapledger.query.feed.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Delivers one subscription's events, one at a time and in order: the feed fills a small outbox, the head of the
 * outbox is POSTed, and only a 2xx moves the durable cursor and lets the next one go. A failure waits (backoff
 * with jitter) and tries the same event again; after {@code suspend-after} of failures the event becomes a dead
 * letter and the subscription is suspended. No thread waits on a receiver: requests are asynchronous.
 */
final class WebhookRunner implements Follower {

    private static final Logger log = LoggerFactory.getLogger(WebhookRunner.class);
    private static final int LOG_TRIM_EVERY = 100;
    private static final int ERROR_LENGTH = 300;

    interface Context {
        SubscriptionStore store();

        HttpClient http();

        Executor executor();

        ScheduledExecutorService timer();

        WebhookProperties properties();

        Clock clock();

        String owner();

        /** The runner stopped itself (suspended, deleted, paused, lease lost). */
        void stopped(WebhookRunner runner);
    }

    private final Context context;
    private final String id;
    private final URI url;
    private final WebhookSigner signer;
    private final ArrayDeque<FeedItem> outbox = new ArrayDeque<>();
    private final CompletableFuture<Void> idle = new CompletableFuture<>();
    /** One writer of the delivery state at a time, so that it reaches the store in the order it happened. */
    private final ReentrantLock persistence = new ReentrantLock();
    private volatile FeedSubscription feed;

    // guarded by this
    private boolean inFlight;
    private boolean stopping;
    private boolean persisting;
    private ScheduledFuture<?> retry;
    private int attempts;
    private Instant failingSince;
    private Instant nextAttemptAt;
    private long seq;
    private long pendingDeadLetters;
    /** The position after the last event acknowledged (or passed over): where the cursor is to be. */
    private String cursor;
    /** The cursor as the store has it. */
    private String savedCursor;
    private long unsavedDeliveries;
    private Instant lastDeliveredAt;
    private final List<DeliveryAttempt> unsavedLog = new ArrayList<>();
    private final List<String> unsavedResolved = new ArrayList<>();

    WebhookRunner(Context context, WebhookSubscription subscription) {
        this.context = context;
        this.id = subscription.id();
        this.url = URI.create(subscription.url());
        this.signer = WebhookSigner.of(subscription.secret());
        this.attempts = subscription.attempts();
        this.failingSince = subscription.failingSince();
        this.nextAttemptAt = subscription.nextAttemptAt();
        this.cursor = subscription.position();
        this.savedCursor = subscription.position();
        this.seq = context.store().lastSeq(id);
        this.pendingDeadLetters = context.store().pendingDeadLetters(id);
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
        byte[] body = item.cloudEvent();
        String eventId = item.event().eventId();
        Instant attemptedAt = context.clock().instant();
        long timestamp = attemptedAt.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(context.properties().requestTimeout())
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("User-Agent", "roadmap-ledger-webhooks/1")
                .header("Webhook-Id", eventId)
                .header("Webhook-Timestamp", Long.toString(timestamp))
                .header("Webhook-Signature", signer.sign(eventId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<Void>> response;
        try {
            response = context.http().sendAsync(request, HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        response.whenCompleteAsync((answer, failure) -> {
            try {
                completed(item, attemptedAt, answer, failure, System.nanoTime() - started);
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

    private void completed(FeedItem item, Instant attemptedAt, HttpResponse<Void> answer, Throwable failure,
                           long elapsedNanos) {
        Integer status = answer == null ? null : answer.statusCode();
        boolean ok = status != null && status >= 200 && status < 300;
        String error = ok ? null : describe(status, failure);
        int attempt;
        synchronized (this) {
            attempt = attempts + 1;
            long attemptSeq = ++seq;
            unsavedLog.add(new DeliveryAttempt(id + ":" + attemptSeq, id, attemptSeq, item.event().eventId(),
                    item.event().type(), attempt, attemptedAt, status, TimeUnit.NANOSECONDS.toMillis(elapsedNanos),
                    error, ok));
        }
        if (ok) {
            succeeded(item, attemptedAt);
        } else {
            failed(attempt, attemptedAt, error);
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
            cursor = item.position().encode();
            unsavedDeliveries++;
            lastDeliveredAt = at;
            if (pendingDeadLetters > 0) {
                pendingDeadLetters--;
                unsavedResolved.add(item.event().eventId());
            }
        }
        persistSoon();
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
        Duration wait = backoff(attempt, properties.backoffBase(), properties.backoffCap());
        Instant at = now.plus(wait);
        persistNow();
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
        persistNow();
        SubscriptionStore store = context.store();
        String position;
        synchronized (this) {
            inFlight = false;
            position = savedCursor;
        }
        // the dead letter first: whoever sees the subscription suspended finds it
        boolean owned = store.find(id).map(s -> context.owner().equals(s.owner())).orElse(false);
        if (owned && item != null) {
            store.deadLetter(new DeadLetter(id + ":" + item.event().eventId() + ":" + now.toEpochMilli(), id,
                    item.event().eventId(), item.event().type(), position, attempt, since, now, error, null, null));
        }
        if (store.suspended(id, context.owner(), attempt, error).isPresent() && item != null) {
            log.warn("Webhook {} suspended after failing since {} ({} attempts); event {} is a dead letter",
                    id, since, attempt, item.event().eventId());
        }
        stop();
    }

    // --- the delivery state in the store ----------------------------------------------------------------------------

    private void persistSoon() {
        synchronized (this) {
            if (persisting || !unsaved()) {
                return;
            }
            persisting = true;
        }
        try {
            context.executor().execute(this::persistAll);
        } catch (RuntimeException e) {
            log.debug("Webhook {}: delivery state not written in the background, writing it now", id);
            persistAll();
        }
    }

    private void persistAll() {
        while (true) {
            boolean failed = !persistNow();
            synchronized (this) {
                if (failed || !unsaved()) {
                    persisting = false;
                    completeIfIdle();
                    if (failed && !stopping) {
                        context.timer().schedule(this::persistSoon, 1, TimeUnit.SECONDS);
                    }
                    return;
                }
            }
        }
    }

    /** Writes what is not written yet (log, cursor, delivered dead letters); false if the store failed. */
    private boolean persistNow() {
        persistence.lock();
        try {
            List<DeliveryAttempt> entries;
            String position;
            long deliveries;
            Instant deliveredAt;
            List<String> resolved;
            synchronized (this) {
                entries = new ArrayList<>(unsavedLog);
                unsavedLog.clear();
                position = cursor;
                deliveries = unsavedDeliveries;
                unsavedDeliveries = 0;
                deliveredAt = lastDeliveredAt;
                resolved = new ArrayList<>(unsavedResolved);
                unsavedResolved.clear();
            }
            SubscriptionStore store = context.store();
            try {
                if (!entries.isEmpty()) {
                    store.log(entries);
                    long last = entries.get(entries.size() - 1).seq();
                    if (last / LOG_TRIM_EVERY != entries.get(0).seq() / LOG_TRIM_EVERY || last % LOG_TRIM_EVERY == 0) {
                        store.trimLog(id, last - context.properties().logEntries());
                    }
                }
                boolean active = true;
                if (deliveries > 0 || !position.equals(savedCursor)) {
                    Optional<WebhookSubscription> saved = store.delivered(id, context.owner(), position, deliveries,
                            deliveredAt);
                    synchronized (this) {
                        savedCursor = position;
                    }
                    active = saved.map(s -> s.state() == WebhookSubscription.State.ACTIVE).orElse(false);
                }
                for (String eventId : resolved) {
                    store.deadLetterDelivered(id, eventId, deliveredAt);
                }
                if (!active) {
                    log.info("Webhook {} is no longer active here (paused, deleted or taken over); it stops", id);
                    stop();
                }
                return true;
            } catch (RuntimeException e) {
                log.warn("Webhook {}: delivery state could not be written; trying again", id, e);
                synchronized (this) {
                    unsavedLog.addAll(0, entries);
                    unsavedDeliveries += deliveries;
                    unsavedResolved.addAll(0, resolved);
                }
                return false;
            }
        } finally {
            persistence.unlock();
        }
    }

    // guarded by this
    private boolean unsaved() {
        return !unsavedLog.isEmpty() || unsavedDeliveries > 0 || !unsavedResolved.isEmpty()
                || !cursor.equals(savedCursor);
    }

    // guarded by this
    private void completeIfIdle() {
        if (stopping && !inFlight && !persisting) {
            idle.complete(null);
        }
    }

    /** 1 s, 2 s, 4 s… (from {@code base}) up to {@code cap}, each spread by ±20 % so receivers are not stampeded. */
    static Duration backoff(int failures, Duration base, Duration cap) {
        double exponential = base.toMillis() * Math.pow(2, Math.max(0, failures - 1));
        double capped = Math.min(exponential, cap.toMillis());
        double jittered = capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(Math.max(1, Math.round(Math.min(jittered, cap.toMillis()))));
    }

    private void scheduleRetry(Duration wait) {
        retry = context.timer().schedule(() -> {
            synchronized (this) {
                retry = null;
            }
            next();
        }, Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
    }

    private static String describe(Integer status, Throwable failure) {
        if (status != null) {
            return "HTTP " + status;
        }
        Throwable cause = failure;
        while (cause != null && cause.getCause() != null && !(cause instanceof HttpTimeoutException)) {
            cause = cause.getCause();
        }
        String text = cause == null ? "no answer" : cause instanceof HttpTimeoutException ? "timed out"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text;
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
            cursor = position.encode();
        }
        persistSoon();
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
        persistSoon();
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
