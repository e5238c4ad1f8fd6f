package org.roadmapledger.proof;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recomputes aggregates' hash chains from their events, given in ascending sequence per aggregate (aggregates may
 * interleave). Reports one finding per broken aggregate, at its first broken event, and remembers each event's hash
 * where a seal will ask for it.
 */
public final class ChainCheck {

    private record Link(long sequence, String hash, String eventId) {
    }

    private final Map<String, Link> last = new HashMap<>();
    private final Set<String> broken = new HashSet<>();
    private final Map<String, String> wanted;
    private long events;
    private long chainedAtStartUp;

    /** @param wanted keys from {@link #key(String, long)} whose hashes to keep, values filled in as events pass */
    public ChainCheck(Map<String, String> wanted) {
        this.wanted = wanted;
    }

    public static String key(String aggregateId, long sequence) {
        return aggregateId + '\u0000' + sequence;
    }

    /** @return what breaks at this event, if this is the first break of its aggregate */
    public Optional<Finding> accept(StoredEvent stored) {
        ChainedEvent event = stored.event();
        events++;
        if (stored.origin() == StoredEvent.Origin.CHAINED_AT_START_UP) {
            chainedAtStartUp++;
        }
        String key = key(event.aggregateId(), event.sequence());
        if (wanted.containsKey(key)) {
            wanted.put(key, stored.hash());
        }
        Link previous = last.put(event.aggregateId(), new Link(event.sequence(), stored.hash(), event.eventId()));
        if (broken.contains(event.aggregateId())) {
            return Optional.empty();
        }
        Optional<Finding> finding = check(stored, previous);
        finding.ifPresent(found -> broken.add(event.aggregateId()));
        return finding;
    }

    private static Optional<Finding> check(StoredEvent stored, Link previous) {
        ChainedEvent event = stored.event();
        long expected = previous == null ? 0 : previous.sequence() + 1;
        if (stored.hash() == null) {
            return Optional.of(Finding.ofEvent(Finding.Kind.UNCHAINED, event,
                    "it carries no hash and was not chained at start-up"));
        }
        if (event.sequence() < expected) {
            return Optional.of(Finding.ofEvent(Finding.Kind.OUT_OF_ORDER, event,
                    "sequence " + event.sequence() + " comes after " + previous.sequence()));
        }
        if (event.sequence() > expected) {
            return Optional.of(Finding.ofEvent(Finding.Kind.EVENT_MISSING, event, "sequence " + expected
                    + (event.sequence() - 1 > expected ? " to " + (event.sequence() - 1) : "") + " missing before it"
                    + (previous == null ? "" : ", after event " + previous.eventId())));
        }
        String computed = event.hash();
        if (!computed.equals(stored.hash())) {
            return Optional.of(Finding.ofEvent(Finding.Kind.HASH_MISMATCH, event,
                    "its content hashes to " + computed + ", not to the " + stored.hash() + " it carries"));
        }
        String expectedPrev = previous == null ? Sha256.NO_PREVIOUS : previous.hash();
        if (!expectedPrev.equals(event.prevHash())) {
            return Optional.of(Finding.ofEvent(Finding.Kind.LINK_BROKEN, event, previous == null
                    ? "the first event of its aggregate must name no predecessor"
                    : "its prevHash is not the hash of the event before it, " + previous.eventId()));
        }
        return Optional.empty();
    }

    public long events() {
        return events;
    }

    public long chainedAtStartUp() {
        return chainedAtStartUp;
    }

    public long aggregates() {
        return last.size();
    }

    public int brokenAggregates() {
        return broken.size();
    }

    /** The hash of an aggregate's last event seen, or null. */
    public String headHash(String aggregateId) {
        Link link = last.get(aggregateId);
        return link == null ? null : link.hash();
    }
}
