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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

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
    private volatile FeedSubscription feed;

    // guarded by this
    private boolean inFlight;
    private boolean stopping;
    private ScheduledFuture<?> retry;
    private int attempts;
    private Instant failingSince;
    private Instant nextAttemptAt;
    private long seq;
    private long pendingDeadLetters;
    private String savedPosition;

    WebhookRunner(Context context, WebhookSubscription subscription) {
        this.context = context;
        this.id = subscription.id();
        this.url = URI.create(subscription.url());
        this.signer = WebhookSigner.of(subscription.secret());
        this.attempts = subscription.attempts();
        this.failingSince = subscription.failingSince();
        this.nextAttemptAt = subscription.nextAttemptAt();
        this.savedPosition = subscription.position();
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
                        idle.complete(null);
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
        long attemptSeq;
        synchronized (this) {
            attempt = attempts + 1;
            attemptSeq = ++seq;
        }
        SubscriptionStore store = context.store();
        store.log(new DeliveryAttempt(id + ":" + attemptSeq, id, attemptSeq, item.event().eventId(),
                item.event().type(), attempt, attemptedAt, status, TimeUnit.NANOSECONDS.toMillis(elapsedNanos), error,
                ok));
        if (attemptSeq % LOG_TRIM_EVERY == 0) {
            store.trimLog(id, attemptSeq - context.properties().logEntries());
        }
        if (ok) {
            succeeded(item);
        } else {
            failed(attempt, attemptedAt, error);
        }
    }

    private void succeeded(FeedItem item) {
        Instant now = context.clock().instant();
        String position = item.position().encode();
        Optional<WebhookSubscription> saved = context.store().delivered(id, context.owner(), position, now);
        boolean keepGoing = saved.map(s -> s.state() == WebhookSubscription.State.ACTIVE).orElse(false);
        boolean resolveDeadLetter;
        synchronized (this) {
            outbox.poll();
            inFlight = false;
            if (stopping) {
                idle.complete(null);
            }
            attempts = 0;
            failingSince = null;
            nextAttemptAt = null;
            savedPosition = position;
            resolveDeadLetter = pendingDeadLetters > 0;
            if (resolveDeadLetter) {
                pendingDeadLetters--;
            }
        }
        if (resolveDeadLetter) {
            context.store().deadLetterDelivered(id, item.event().eventId(), now);
        }
        if (!keepGoing) {
            log.info("Webhook {} is no longer active here (paused, deleted or taken over); its deliverer stops", id);
            stop();
            return;
        }
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
                idle.complete(null);
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
        SubscriptionStore store = context.store();
        synchronized (this) {
            inFlight = false;
        }
        if (store.suspended(id, context.owner(), attempt, error).isPresent() && item != null) {
            store.deadLetter(new DeadLetter(id + ":" + item.event().eventId() + ":" + now.toEpochMilli(), id,
                    item.event().eventId(), item.event().type(), savedPosition, attempt, since, now, error, null,
                    null));
            log.warn("Webhook {} suspended after failing since {} ({} attempts); event {} is a dead letter",
                    id, since, attempt, item.event().eventId());
        }
        stop();
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

    /** Where the cursor is: events before it were acknowledged or filtered out. */
    synchronized String savedPosition() {
        return savedPosition;
    }

    /**
     * Saves the feed's position when nothing is waiting to be delivered, so that a filtered subscription's cursor
     * moves past what it filters out (and a restart does not read it all again).
     */
    void saveIdlePosition() {
        FeedSubscription current = feed;
        if (current == null) {
            return;
        }
        Position position = current.position();
        String encoded;
        synchronized (this) {
            if (stopping || inFlight || !outbox.isEmpty() || retry != null) {
                return;
            }
            encoded = position.encode();
            if (encoded.equals(savedPosition)) {
                return;
            }
            savedPosition = encoded;
        }
        if (context.store().advanced(id, context.owner(), encoded).isEmpty()) {
            stop();
        }
    }

    /** Stops taking events; what is in flight finishes (and is recorded) first. */
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
            if (!inFlight) {
                idle.complete(null);
            }
        }
        if (first) {
            FeedSubscription current = feed;
            if (current != null) {
                current.close();
            }
            context.stopped(this);
        }
        return idle;
    }

    @Override
    public String toString() {
        return "webhook " + id + " to " + url;
    }
}
