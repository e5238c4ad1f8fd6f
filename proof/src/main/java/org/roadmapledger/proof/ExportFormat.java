package org.roadmapledger.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The archive {@code GET /api/exports/{sealId}} streams: a ZIP of four entries, in this order, so that a reader
 * meets the keys and seals before the events they speak of and knows the archive ended only at its manifest.
 */
public final class ExportFormat {

    public static final String FORMAT = "roadmap-ledger-export/1";
    /** a JWK set: every key that signed a seal of the archive */
    public static final String KEYS = "keys.json";
    /** JSON Lines: one seal per line, with its heads, oldest first */
    public static final String SEALS = "seals.jsonl";
    /** JSON Lines: every event up to the last seal's heads, canonical JSON, by aggregate then sequence */
    public static final String EVENTS = "events.jsonl";
    /** what the archive holds, written last */
    public static final String MANIFEST = "manifest.json";

    static final String HASH = "hash";
    static final String CHAINED_AT_START_UP = "chainedAtStartUp";

    private ExportFormat() {
    }

    /** An event's line: what its hash covers, its hash, and whether it was chained at start-up. */
    public static byte[] eventLine(StoredEvent stored) {
        ObjectNode node = stored.event().hashed();
        node.put(HASH, stored.hash());
        if (stored.origin() == StoredEvent.Origin.CHAINED_AT_START_UP) {
            node.put(CHAINED_AT_START_UP, true);
        }
        return Canonical.bytes(node);
    }

    public static StoredEvent readEventLine(JsonNode node) {
        JsonNode hash = node.get(HASH);
        boolean atStartUp = node.path(CHAINED_AT_START_UP).asBoolean(false);
        StoredEvent.Origin origin = hash == null || hash.isNull() ? StoredEvent.Origin.UNCHAINED
                : atStartUp ? StoredEvent.Origin.CHAINED_AT_START_UP : StoredEvent.Origin.APPENDED;
        return new StoredEvent(ChainedEvent.from(node), hash == null || hash.isNull() ? null : hash.asText(), origin);
    }
}
