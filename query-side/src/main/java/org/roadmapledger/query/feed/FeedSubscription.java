package org.roadmapledger.query.feed;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One subscriber's place in the feed. It is stepped by one feed worker at a time: catching up, it reads its own
 * stream from the store; live, it walks the feed's ring from its cursor. Either way it hands its follower only
 * events its position has not seen, and moves its position past every event, delivered or filtered out.
 */
public final class FeedSubscription {

    private static final Logger log = LoggerFactory.getLogger(FeedSubscription.class);
    private static final long[] NONE = new long[0];

    private final LedgerFeed feed;
    private final Filter filter;
    private final Follower follower;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Position position;
    private volatile boolean closed;
    private volatile boolean live;

    // confined to the worker that steps this subscription
    private long cursor = -1;
    private long[] ahead = NONE;
    /** Its own stream from the store while it catches up. */
    private BlockingStream<TrackedEventMessage<?>> reading;

    FeedSubscription(LedgerFeed feed, Position from, Filter filter, Follower follower) {
        this.feed = feed;
        this.position = from;
        this.filter = filter;
        this.follower = follower;
    }

    /** After the last event handed over or filtered out: where this subscriber resumes. */
    public Position position() {
        return position;
    }

    public boolean isLive() {
        return live;
    }

    /** Asks for a step: there may be events for it, or its follower has room again. */
    public void wake() {
        if (!closed && pending.getAndIncrement() == 0) {
            feed.execute(this::run);
        }
    }

    /** Ends the subscription from the follower's side; nothing more is handed over. */
    public void close() {
        if (closed) {
            release();
            return;
        }
        closed = true;
        feed.removed(this);
        if (pending.getAndIncrement() == 0) {
            feed.execute(this::run);
        }
    }

    void end(String reason) {
        close();
        follower.ended(reason);
    }

    private void run() {
        pending.set(1);
        boolean more = false;
        if (!closed) {
            try {
                more = step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                end("interrupted");
            } catch (RuntimeException e) {
                log.error("Change feed failed for a subscriber at {}", position, e);
                end("the ledger could not be read: " + e.getMessage());
            }
        }
        if (closed) {
            release();
            return;
        }
        if (more || !pending.compareAndSet(1, 0)) {
            feed.execute(this::run);
        }
    }

    private boolean step() throws InterruptedException {
        if (!follower.hasRoom()) {
            // a follower that takes nothing still falls behind the ring: that is how a stuck client is let go
            return cursor >= 0 && cursor < feed.oldest() && fellBehind();
        }
        return cursor >= 0 ? stepLive() : stepCatchingUp();
    }

    private boolean stepCatchingUp() throws InterruptedException {
        FeedRing.Join join = feed.join(position);
        if (join != null) {
            boolean caughtUp = reading != null;
            release();
            cursor = join.cursor();
            ahead = join.ahead();
            position = join.position();
            live = true;
            feed.wentLive(this, caughtUp);
            return true;
        }
        if (reading == null) {
            reading = feed.openStream(position);
        }
        int handled = 0;
        int batch = feed.batch();
        while (handled < batch && follower.hasRoom() && !closed && reading.hasNextAvailable()) {
            TrackedEventMessage<?> message = reading.nextAvailable();
            Position after = Position.of(message.trackingToken());
            FeedItem item = feed.item(message, after);
            if (filter.matches(item.event(), feed.placements())) {
                follower.accept(item);
            }
            position = after;
            handled++;
        }
        if (handled == 0 && follower.hasRoom()) {
            // at the head of the store, not yet within the ring: look again shortly
            feed.later(this::wake);
            return false;
        }
        return follower.hasRoom();
    }

    private boolean stepLive() {
        int handled = 0;
        int batch = feed.batch();
        while (cursor <= feed.newest() && handled < batch && follower.hasRoom() && !closed) {
            FeedRing.Entry entry = feed.entry(cursor);
            if (entry == null) {
                // the reader outran the workers (a busy machine), not this follower, which has room: it reads on
                // from the store and joins again, as a newcomer does
                leaveLive();
                return true;
            }
            handle(entry);
            cursor++;
            handled++;
        }
        return cursor <= feed.newest() && follower.hasRoom();
    }

    private void handle(FeedRing.Entry entry) {
        if (ahead.length == 0) {
            if (filter.matches(entry.item().event(), feed.placements())) {
                follower.accept(entry.item());
            }
            position = entry.after();
            return;
        }
        // this subscriber saw some events privately that the ring delivers only now: skip exactly those
        long index = entry.globalIndex();
        boolean seen = index != FeedRing.AMBIGUOUS && Arrays.binarySearch(ahead, index) >= 0;
        long[] rest = Arrays.stream(ahead).filter(x -> x != index && !entry.after().hasSeen(x)).toArray();
        Position after = rest.length == 0 ? entry.after() : entry.after().plus(rest);
        if (!seen && filter.matches(entry.item().event(), feed.placements())) {
            follower.accept(rest.length == 0 ? entry.item() : new FeedItem(entry.item().event(), after));
        }
        ahead = rest;
        position = after;
    }

    /** Only a follower that takes nothing while the ring moves on is asked whether to go on. */
    private boolean fellBehind() {
        leaveLive();
        if (follower.fellBehind(feed.liveBuffer())) {
            return true;
        }
        close();
        return false;
    }

    private void leaveLive() {
        live = false;
        cursor = -1;
        ahead = NONE;
        feed.leftLive(this);
    }

    private void release() {
        if (reading != null) {
            try {
                reading.close();
            } catch (RuntimeException e) {
                log.debug("Closing a subscriber's stream failed", e);
            }
            reading = null;
        }
    }

    @Override
    public String toString() {
        return "subscription at " + position + (live ? " (live)" : " (catching up)") + ", " + filter;
    }
}
