package org.roadmapledger.query.feed;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.AxonThreadFactory;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
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

    static final long AMBIGUOUS = -1;
    /** A subscriber may join the ring having seen at most this many events the ring has not delivered yet. */
    static final int MAX_AHEAD = 4096;

    private static final Logger log = LoggerFactory.getLogger(LedgerFeed.class);

    private final LedgerSource source;
    private final CloudEvents cloudEvents;
    private final Placements placements;
    private final FeedProperties properties;
    private final Entry[] ring;
    private final Set<FeedSubscription> subscriptions = ConcurrentHashMap.newKeySet();
    private final Set<FeedSubscription> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong joined = new AtomicLong();

    /** Sequence number (in the ring, from 0) of the newest entry; -1 while there is none. */
    private volatile long newest = -1;
    /** The reader's position before its first entry. */
    private volatile Position start;
    private volatile boolean running;
    private final Object stopSignal = new Object();
    private final CountDownLatch ready = new CountDownLatch(1);
    private Thread reader;
    private ExecutorService workers;
    private ScheduledExecutorService timer;

    /**
     * What the feed is doing.
     *
     * @param subscribers every subscription
     * @param live        those served from the ring
     * @param joined      how many caught up from the store and then joined the ring, since start
     */
    public record Stats(int subscribers, int live, long joined) {
    }

    record Entry(long seq, Position before, Position after, long globalIndex, FeedItem item) {
    }

    record Join(long cursor, long[] ahead, Position position) {
    }

    LedgerFeed(LedgerSource source, CloudEvents cloudEvents, Placements placements, FeedProperties properties,
               ObjectProvider<MeterRegistry> meters) {
        this.source = source;
        this.cloudEvents = cloudEvents;
        this.placements = placements;
        this.properties = properties;
        this.ring = new Entry[Math.max(16, properties.liveBuffer())];
        meters.ifAvailable(registry -> {
            Gauge.builder("ledger.feed.subscribers", subscriptions, Set::size).tag("mode", "all")
                    .description("subscribers of the change feed (SSE clients, webhooks, query updates)")
                    .register(registry);
            Gauge.builder("ledger.feed.subscribers", live, Set::size).tag("mode", "live").register(registry);
            Gauge.builder("ledger.feed.head", this, feed -> feed.now().index())
                    .description("global index of the newest event the change feed has read").register(registry);
        });
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
        long n = newest;
        Entry entry = n < 0 ? null : entry(n);
        return entry == null ? start : entry.after();
    }

    /** The newest position of the event store itself (a query), to tell a position from the future. */
    public Position storeHead() {
        return source.head();
    }

    public int liveBuffer() {
        return ring.length;
    }

    private void requireRunning() {
        if (!running || start == null) {
            throw new Unavailable("the change feed is starting", Duration.ofSeconds(2));
        }
    }

    // --- what subscriptions use -------------------------------------------------------------------------------------

    Entry entry(long seq) {
        Entry entry = ring[(int) (seq % ring.length)];
        return entry != null && entry.seq() == seq ? entry : null;
    }

    long newest() {
        return newest;
    }

    /** Sequence number of the oldest entry the ring still holds. */
    long oldest() {
        return Math.max(0, newest - ring.length + 1);
    }

    /**
     * Where a reader at {@code position} joins the ring: after the latest entry whose position it covers. Null when
     * the ring does not reach back that far, or the reader is too far ahead of it.
     */
    Join join(Position position) {
        long n = newest;
        if (n < 0) {
            Position before = start;
            return before != null && position.covers(before) ? joinAt(position, 0, before) : null;
        }
        long oldestSeq = Math.max(0, n - ring.length + 1);
        Entry oldest = entry(oldestSeq);
        if (oldest == null || !position.covers(oldest.before())) {
            return null;
        }
        // the ring's positions only grow, so "covered" holds up to some entry and not after it
        long good = oldestSeq - 1;
        long bad = n + 1;
        Position at = oldest.before();
        while (bad - good > 1) {
            long mid = (good + bad) >>> 1;
            Entry entry = entry(mid);
            if (entry == null) {
                return null;
            }
            if (position.covers(entry.after())) {
                good = mid;
                at = entry.after();
            } else {
                bad = mid;
            }
        }
        return joinAt(position, good + 1, at);
    }

    private Join joinAt(Position position, long cursor, Position at) {
        long[] ahead = position.seenBeyond(at, MAX_AHEAD);
        return ahead == null ? null : new Join(cursor, ahead, ahead.length == 0 ? at : at.plus(ahead));
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
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("Feed stopped; a subscriber's step is dropped");
        }
    }

    void later(Runnable task) {
        try {
            timer.schedule(task, Math.max(1, properties.pollInterval().toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Feed stopped; a delayed step is dropped");
        }
    }

    void wentLive(FeedSubscription subscription, boolean afterCatchingUp) {
        live.add(subscription);
        if (afterCatchingUp) {
            joined.incrementAndGet();
        }
    }

    /** For diagnosis: every subscription, where it is and how it reads. */
    public String describe() {
        return "ring newest " + newest + " oldest " + oldest() + " now " + now() + " subscriptions "
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
        while (running && start == null) {
            try {
                start = source.at(Instant.now().minus(properties.startupLookback()));
                log.info("Change feed starts reading at {} ({} back)", start, properties.startupLookback());
                ready.countDown();
            } catch (RuntimeException e) {
                log.warn("Change feed cannot read the event store yet: {}", e.toString());
                if (!pause(Duration.ofSeconds(1))) {
                    return;
                }
            }
        }
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(now())) {
                while (running) {
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
                if (running) {
                    log.warn("Change feed lost the event store; reading on from {} in a second", now(), e);
                    if (!pause(Duration.ofSeconds(1))) {
                        return;
                    }
                }
            }
        }
    }

    private void append(TrackedEventMessage<?> message) {
        long n = newest;
        Entry previous = n < 0 ? null : entry(n);
        Position before = previous == null ? start : previous.after();
        Position after = Position.of(message.trackingToken());
        FeedItem item = item(message, after);
        placements.observe(item.event());
        long seq = n + 1;
        ring[(int) (seq % ring.length)] = new Entry(seq, before, after, globalIndex(before, after), item);
        newest = seq;
    }

    /**
     * The event's own global index, from the positions around it: the new top index, or else the one gap it
     * filled. When a late event fills a gap after the store's gap timeout, Axon drops every gap at once, and which
     * one it was cannot be told: {@link #AMBIGUOUS}.
     */
    static long globalIndex(Position before, Position after) {
        if (after.index() > before.index()) {
            return after.index();
        }
        long found = AMBIGUOUS;
        for (long gap : before.gaps()) {
            if (!after.hasSeen(gap)) {
                continue;
            }
            if (found != AMBIGUOUS) {
                return AMBIGUOUS;
            }
            found = gap;
        }
        return found;
    }

    /** The reader's back-off before it tries the store again; false when the feed stopped meanwhile. */
    private boolean pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (stopSignal) {
            while (running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(stopSignal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    // --- lifecycle --------------------------------------------------------------------------------------------------

    @Override
    public void start() {
        running = true;
        workers = Executors.newFixedThreadPool(Math.max(1, properties.workers()),
                new AxonThreadFactory("ledger-feed-worker"));
        timer = Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("ledger-feed-timer"));
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
        running = false;
        synchronized (stopSignal) {
            stopSignal.notifyAll();
        }
        List<FeedSubscription> all = new ArrayList<>(subscriptions);
        for (FeedSubscription subscription : all) {
            subscription.end("the service is shutting down");
        }
        if (reader != null) {
            reader.interrupt();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before its subscribers (webhooks) and stops after them, but before the web server's shutdown. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
