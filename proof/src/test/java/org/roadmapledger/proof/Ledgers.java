package org.roadmapledger.proof;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Small chained ledgers for tests: aggregates of a few events each, hashed as the service hashes them. */
final class Ledgers {

    private Ledgers() {
    }

    static List<StoredEvent> chain(String aggregateId, int events) {
        List<StoredEvent> chain = new ArrayList<>();
        String prev = Sha256.NO_PREVIOUS;
        for (int sequence = 0; sequence < events; sequence++) {
            ObjectNode payload = Canonical.object();
            payload.put("objectiveId", aggregateId);
            payload.put("note", "step " + sequence + " of " + aggregateId);
            payload.put("effectiveOn", "2025-0" + (1 + sequence % 9) + "-01");
            ChainedEvent event = ChainedEvent.of("Objective", aggregateId, sequence, UUID.randomUUID().toString(),
                    "org.roadmapledger.api.objective.StatusReported", null, "2025-06-0" + (1 + sequence % 9)
                            + "T10:00:00.123Z", "programme-office", "corr-" + sequence, payload, prev);
            String hash = event.hash();
            chain.add(new StoredEvent(event, hash, StoredEvent.Origin.APPENDED));
            prev = hash;
        }
        return chain;
    }

    static List<SealHead> heads(List<StoredEvent> events) {
        java.util.Map<String, SealHead> heads = new java.util.HashMap<>();
        for (StoredEvent stored : events) {
            ChainedEvent event = stored.event();
            heads.merge(event.aggregateId(), new SealHead(event.aggregateType(), event.aggregateId(),
                    event.sequence(), stored.hash()), (a, b) -> a.sequence() >= b.sequence() ? a : b);
        }
        return heads.values().stream().sorted(SealHead.TREE_ORDER).toList();
    }

    static Seal seal(SealKey key, String sealId, long number, String previous, List<StoredEvent> events) {
        List<SealHead> heads = heads(events);
        MerkleTree tree = new Seal(null, null, heads).tree();
        SealStatement statement = new SealStatement(sealId, number, "Conseil " + number, "2025-06-24T12:00:00Z",
                events.size(), heads.size(), events.size(), Sha256.hex(tree.root()), key.keyId(), previous);
        return new Seal(statement, key.sign(statement.signedBytes()), heads);
    }

    static List<StoredEvent> byAggregate(List<StoredEvent> events) {
        List<StoredEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing((StoredEvent e) -> e.event().aggregateId())
                .thenComparingLong(e -> e.event().sequence()));
        return sorted;
    }

    static StoredEvent with(StoredEvent stored, ChainedEvent event) {
        return new StoredEvent(event, stored.hash(), stored.origin());
    }
}
