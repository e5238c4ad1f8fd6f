package org.roadmapledger.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;

/** One aggregate's last event when a seal was taken: a leaf of the seal's Merkle tree. */
public record SealHead(String aggregateType, String aggregateId, long sequence, String hash) {

    /** The tree's order: by aggregate identifier (then type), compared as Java strings compare. */
    public static final Comparator<SealHead> TREE_ORDER = Comparator.comparing(SealHead::aggregateId)
            .thenComparing(SealHead::aggregateType);

    public ObjectNode json() {
        ObjectNode node = Canonical.object();
        node.put("aggregateType", aggregateType);
        node.put("aggregateId", aggregateId);
        node.put("sequence", sequence);
        node.put("hash", hash);
        return node;
    }

    /** The leaf's data: the canonical JSON of the head. */
    public byte[] leaf() {
        return Canonical.bytes(json());
    }

    public static SealHead from(JsonNode node) {
        return new SealHead(node.path("aggregateType").asText(null), node.path("aggregateId").asText(null),
                node.path("sequence").asLong(-1), node.path("hash").asText(null));
    }
}
