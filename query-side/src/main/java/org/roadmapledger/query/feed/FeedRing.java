package org.roadmapledger.query.feed;

/**
 * The last events the feed's reader took from the store, each with the positions before and after it: a live
 * subscriber is handed them from here instead of reading the store itself. One thread appends; any thread reads.
 * Entries are numbered from 0 in the order they were read; the ring keeps the newest {@code size}.
 */
final class FeedRing {

    /** The global index of an event that filled one of several gaps at once, so that which one cannot be told. */
    static final long AMBIGUOUS = -1;
    /** A subscriber may join the ring having seen at most this many events the ring has not delivered yet. */
    static final int MAX_AHEAD = 4096;

    record Entry(long seq, Position before, Position after, long globalIndex, FeedItem item) {
    }

    record Join(long cursor, long[] ahead, Position position) {
    }

    private final Entry[] entries;
    /** Sequence number of the newest entry; -1 while there is none. */
    private volatile long newest = -1;
    /** The reader's position before its first entry; null until the reader has found where to start. */
    private volatile Position start;

    FeedRing(int size) {
        this.entries = new Entry[size];
    }

    int size() {
        return entries.length;
    }

    void startAt(Position position) {
        start = position;
    }

    Position start() {
        return start;
    }

    /** The position after the newest entry, or where the reader started. */
    Position head() {
        long n = newest;
        Entry entry = n < 0 ? null : entry(n);
        return entry == null ? start : entry.after();
    }

    Entry entry(long seq) {
        Entry entry = entries[(int) (seq % entries.length)];
        return entry != null && entry.seq() == seq ? entry : null;
    }

    long newest() {
        return newest;
    }

    /** Sequence number of the oldest entry the ring still holds. */
    long oldest() {
        return Math.max(0, newest - entries.length + 1);
    }

    /** Adds the event read next, at the position after it; by the reader's thread only. */
    void append(Position after, FeedItem item) {
        long n = newest;
        Entry previous = n < 0 ? null : entry(n);
        Position before = previous == null ? start : previous.after();
        long seq = n + 1;
        entries[(int) (seq % entries.length)] = new Entry(seq, before, after, globalIndex(before, after), item);
        newest = seq;
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
        long oldestSeq = Math.max(0, n - entries.length + 1);
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

    private static Join joinAt(Position position, long cursor, Position at) {
        long[] ahead = position.seenBeyond(at, MAX_AHEAD);
        return ahead == null ? null : new Join(cursor, ahead, ahead.length == 0 ? at : at.plus(ahead));
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
}
