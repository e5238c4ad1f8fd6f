package org.roadmapledger.query.feed;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A reader's place in the event store's global order, as the set of events it has seen: every global index up to
 * {@code index} except the {@code gaps}. This is exactly what Axon's tracking tokens express (a
 * {@link GapAwareTrackingToken} on the JDBC store, a {@link GlobalSequenceTrackingToken} on Axon Server, where
 * there are no gaps), so a position converts to the token a stream is opened at, and every event seen after it is
 * one its reader has not seen. An index that committed late stays in {@code gaps} until it arrives.
 *
 * <p>Encoded for clients as an opaque, checksummed base64url string (see {@link #encode()}).
 */
public final class Position {

    /** Axon keeps at most this many gaps ({@code maxGapOffset}); a longer list is not a position of ours. */
    static final int MAX_GAPS = 10_000;

    public enum Kind {
        /** Nothing seen yet: the stream starts at the first event of the ledger. */
        BEGINNING,
        /** The JDBC (or JPA) event store's token, whose gaps are events not yet committed. */
        GAP_AWARE,
        /** Axon Server's token: a plain global sequence. */
        GLOBAL_SEQUENCE
    }

    public static final Position BEGINNING = new Position(Kind.BEGINNING, -1, new long[0]);

    private static final long[] NONE = new long[0];

    private final Kind kind;
    private final long index;
    private final long[] gaps;
    private String encoded;

    private Position(Kind kind, long index, long[] gaps) {
        this.kind = kind;
        this.index = index;
        this.gaps = gaps;
    }

    public static Position of(TrackingToken token) {
        if (token == null) {
            return BEGINNING;
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return new Position(Kind.GAP_AWARE, gapAware.getIndex(),
                    gapAware.getGaps().stream().mapToLong(Long::longValue).toArray());
        }
        if (token instanceof GlobalSequenceTrackingToken global) {
            return new Position(Kind.GLOBAL_SEQUENCE, global.getGlobalIndex(), NONE);
        }
        throw new IllegalArgumentException("the event store gives tokens of type " + token.getClass().getName()
                + ", which the change stream does not know");
    }

    public TrackingToken toToken() {
        return switch (kind) {
            case BEGINNING -> null;
            case GAP_AWARE -> GapAwareTrackingToken.newInstance(index, Arrays.stream(gaps).boxed().toList());
            case GLOBAL_SEQUENCE -> new GlobalSequenceTrackingToken(index);
        };
    }

    public Kind kind() {
        return kind;
    }

    /** The highest global index seen; -1 at the beginning. */
    public long index() {
        return index;
    }

    long[] gaps() {
        return gaps;
    }

    public boolean hasSeen(long globalIndex) {
        return globalIndex <= index && Arrays.binarySearch(gaps, globalIndex) < 0;
    }

    /** Whether this reader has seen every event that {@code other} has seen. */
    public boolean covers(Position other) {
        if (other.index > index) {
            // every index between ours and the other's must be one the other has not seen either
            long between = other.index - index;
            long gapsBetween = countBetween(other.gaps, index, other.index);
            if (gapsBetween != between) {
                return false;
            }
        }
        for (long gap : gaps) {
            if (gap > other.index) {
                break;
            }
            if (Arrays.binarySearch(other.gaps, gap) < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The global indexes this position has seen and {@code other} has not, in ascending order; null if there are
     * more than {@code limit}.
     */
    long[] seenBeyond(Position other, int limit) {
        List<Long> extra = new ArrayList<>();
        for (long gap : other.gaps) {
            if (hasSeen(gap)) {
                extra.add(gap);
                if (extra.size() > limit) {
                    return null;
                }
            }
        }
        if (index > other.index) {
            if (index - other.index - countBetween(gaps, other.index, index) + extra.size() > limit) {
                return null;
            }
            for (long i = Math.max(other.index + 1, 0); i <= index; i++) {
                if (hasSeen(i)) {
                    extra.add(i);
                }
            }
        }
        return extra.stream().mapToLong(Long::longValue).toArray();
    }

    /** This position with the given global indexes (ascending) seen as well. */
    Position plus(long[] seen) {
        if (seen.length == 0) {
            return this;
        }
        long top = Math.max(index, seen[seen.length - 1]);
        List<Long> newGaps = new ArrayList<>();
        for (long gap : gaps) {
            if (Arrays.binarySearch(seen, gap) < 0) {
                newGaps.add(gap);
            }
        }
        for (long i = index + 1; i < top; i++) {
            if (Arrays.binarySearch(seen, i) < 0 && i >= 0) {
                newGaps.add(i);
            }
        }
        Kind newKind = kind == Kind.BEGINNING ? Kind.GAP_AWARE : kind;
        if (newKind == Kind.GLOBAL_SEQUENCE && !newGaps.isEmpty()) {
            throw new IllegalStateException("a global sequence cannot have gaps");
        }
        return new Position(newKind, top, newGaps.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    /**
     * The opaque form clients keep (see {@link PositionCodec}); computed once, or kept as the client gave it.
     */
    public String encode() {
        String text = encoded;
        if (text == null) {
            text = PositionCodec.encode(kind, index, gaps);
            encoded = text;
        }
        return text;
    }

    /**
     * Reads a position a client kept.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Position decode(String text) {
        return PositionCodec.decode(text);
    }

    /** A position read back from its opaque form, which it keeps. */
    static Position decoded(Kind kind, long index, long[] gaps, String text) {
        if (kind == Kind.BEGINNING) {
            return BEGINNING;
        }
        Position position = new Position(kind, index, gaps);
        position.encoded = text;
        return position;
    }

    private static long countBetween(long[] sorted, long exclusiveFrom, long inclusiveTo) {
        int from = Arrays.binarySearch(sorted, exclusiveFrom + 1);
        from = from < 0 ? -from - 1 : from;
        int to = Arrays.binarySearch(sorted, inclusiveTo + 1);
        to = to < 0 ? -to - 1 : to;
        return Math.max(0, to - from);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Position other && kind == other.kind && index == other.index
                && Arrays.equals(gaps, other.gaps);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(index) * 31 + Arrays.hashCode(gaps);
    }

    @Override
    public String toString() {
        return kind == Kind.BEGINNING ? "beginning" : index + (gaps.length == 0 ? "" : " gaps " + (gaps.length > 8
                ? gaps.length + " from " + gaps[0] : Arrays.toString(gaps)));
    }
}
