package org.roadmapledger.query.feed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.roadmapledger.query.cloudevents.CloudEvents;
import org.roadmapledger.query.web.Unavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ledger in its global order for any number of subscribers, on a bounded number of threads.
 *
 * <p>One reader thread tails the event store and keeps the last {@code ledger.feed.live-buffer} events in a ring,
 * each with the position before and after it. A subscriber whose position the ring reaches back to is live: a
 * worker hands it the ring's events from its cursor on, the same objects for every live subscriber. Any other
 * subscriber catches up with its own stream from the store, opened at its position, on the same workers, until
 * its position covers one in the ring; then it joins there. Every event it is handed is one it has not seen,
 * whether it was read privately or from the ring, which is what makes the seam exact (see {@link Position} and
 * docs/events.md).
 */
@Component
public class LedgerFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LedgerFeed.class);

    private final LedgerSource source;
    private final CloudEvents cloudEvents;
    private final Placements placements;
    private final FeedProperties properties;
    private final FeedRing ring;
    private final Set<FeedSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final Set<FeedSubscription> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong joined = new AtomicLong();

    private final StopSignal signal = new StopSignal();
    private final CountDownLatch ready = new CountDownLatch(1);
    private Thread reader;
    private final FeedWorkers workers;

    /**
     * What the feed is doing.
     *
     * @param subscribers every subscription
     * @param live        those served from the ring
     * @param joined      how many caught up from the store and then joined the ring, since start
     */
    public record Stats(int subscribers, int live, long joined) {
    }


    LedgerFeed(LedgerSource source, CloudEvents cloudEvents, Placements placements, FeedProperties properties,
               ObjectProvider<MeterRegistry> meters) {
        this.source = source;
        this.cloudEvents = cloudEvents;
        this.placements = placements;
        this.properties = properties;
        this.ring = new FeedRing(Math.max(16, properties.liveBuffer()));
        this.workers = new FeedWorkers(properties.workers(), properties.pollInterval());
        meters.ifAvailable(this::registerGauges);
    }

    private void registerGauges(MeterRegistry registry) {
        Gauge.builder("ledger.feed.subscribers", subscriptions, Set::size).tag("mode", "all")
                .description("subscribers of the change feed (SSE clients, webhooks, query updates)").register(registry);
        Gauge.builder("ledger.feed.subscribers", live, Set::size).tag("mode", "live").register(registry);
        Gauge.builder("ledger.feed.head", this, feed -> feed.now().index())
                .description("global index of the newest event the change feed has read").register(registry);
    }

    // --- subscribing -------------------------------------------------------------------------------------------------

    /** Follows the ledger from just after {@code from}, with the filter applied. */
    public FeedSubscription subscribe(Position from, Filter filter, Follower follower) {
        requireRunning();
        FeedSubscription subscription = new FeedSubscription(this, from, filter, follower);
        subscriptions.add(subscription);
        subscription.wake();
        return subscription;
    }

    /** The position after the newest event the feed has read: where {@code after=now} starts. */
    public Position now() {
        requireRunning();
        return ring.head();
    }

    /** The newest position of the event store itself (a query), to tell a position from the future. */
    public Position storeHead() {
        return source.head();
    }

    public int liveBuffer() {
        return ring.size();
    }

    private void requireRunning() {
        if (!signal.running() || ring.start() == null) {
            throw new Unavailable("the change feed is starting", Duration.ofSeconds(2));
        }
    }

    // --- what subscriptions use -------------------------------------------------------------------------------------

    FeedRing.Entry entry(long seq) {
        return ring.entry(seq);
    }

    long newest() {
        return ring.newest();
    }

    /** Sequence number of the oldest entry the ring still holds. */
    long oldest() {
        return ring.oldest();
    }

    /** Where a reader at that position joins the ring; null when it cannot ({@link FeedRing#join}). */
    FeedRing.Join join(Position position) {
        return ring.join(position);
    }

    BlockingStream<TrackedEventMessage<?>> openStream(Position from) {
        return source.openStream(from);
    }

    FeedItem item(TrackedEventMessage<?> message, Position after) {
        return new FeedItem(cloudEvents.toLedgerEvent(message), after);
    }

    Placements placements() {
        return placements;
    }

    int batch() {
        return Math.max(1, properties.batch());
    }

    void execute(Runnable task) {
        workers.execute(task);
    }

    void later(Runnable task) {
        workers.later(task);
    }

    void wentLive(FeedSubscription subscription, boolean afterCatchingUp) {
        live.add(subscription);
        if (afterCatchingUp) {
            joined.incrementAndGet();
        }
    }

    /** For diagnosis: every subscription, where it is and how it reads. */
    public String describe() {
        return "ring newest " + ring.newest() + " oldest " + oldest() + " now " + now() + " subscriptions "
                + subscriptions;
    }

    public Stats stats() {
        return new Stats(subscriptions.size(), live.size(), joined.get());
    }

    void leftLive(FeedSubscription subscription) {
        live.remove(subscription);
    }

    void removed(FeedSubscription subscription) {
        subscriptions.remove(subscription);
        live.remove(subscription);
    }

    // --- the shared reader ------------------------------------------------------------------------------------------

    private void read() {
        while (signal.running() && ring.start() == null) {
            try {
                ring.startAt(source.at(Instant.now().minus(properties.startupLookback())));
                log.info("Change feed starts reading at {} ({} back)", ring.start(), properties.startupLookback());
                ready.countDown();
            } catch (RuntimeException e) {
                log.warn("Change feed cannot read the event store yet: {}", e.toString());
                if (!signal.pause(Duration.ofSeconds(1))) {
                    return;
                }
            }
        }
        while (signal.running()) {
            try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(now())) {
                while (signal.running()) {
                    if (!stream.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    int read = 0;
                    do {
                        append(stream.nextAvailable());
                        read++;
                    } while (read < 1024 && stream.hasNextAvailable());
                    for (FeedSubscription subscription : live) {
                        subscription.wake();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (signal.running()) {
                    log.warn("Change feed lost the event store; reading on from {} in a second", now(), e);
                    if (!signal.pause(Duration.ofSeconds(1))) {
                        return;
                    }
                }
            }
        }
    }

    private void append(TrackedEventMessage<?> message) {
        Position after = Position.of(message.trackingToken());
        FeedItem item = item(message, after);
        placements.observe(item.event());
        ring.append(after, item);
    }

    // --- lifecycle --------------------------------------------------------------------------------------------------

    @Override
    public void start() {
        signal.start();
        workers.start();
        reader = new Thread(this::read, "ledger-feed-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            // subscribers may come as soon as the server listens: give the reader a chance to know where it starts
            if (!ready.await(10, TimeUnit.SECONDS)) {
                log.warn("Change feed has not reached the event store yet; subscribers get 503 until it does");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        signal.stop();
        List<FeedSubscription> all = new ArrayList<>(subscriptions);
        for (FeedSubscription subscription : all) {
            subscription.end("the service is shutting down");
        }
        if (reader != null) {
            reader.interrupt();
        }
        workers.stop();
    }

    @Override
    public boolean isRunning() {
        return signal.running();
    }

    /** Starts before its subscribers (webhooks) and stops after them, but before the web server's shutdown. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
