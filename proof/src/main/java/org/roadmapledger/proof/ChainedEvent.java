package org.roadmapledger.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The part of a stored event its hash covers (DESIGN, "Proof"): where it stands, what it says, who recorded it,
 * when, and the hash of its predecessor in the same aggregate.
 *
 * @param recordedAt the time stamp exactly as the event store holds it (a string: its digits are hashed)
 * @param payload    the payload as stored, at its stored revision (never upcast: the hash is of what was written)
 */
public record ChainedEvent(String aggregateType, String aggregateId, long sequence, String eventId, String type,
                           String revision, String recordedAt, String effectiveOn, String actor,
                           String correlationId, JsonNode payload, String prevHash) {

    /** With the effective date read from the payload, where the ledger's events carry it. */
    public static ChainedEvent of(String aggregateType, String aggregateId, long sequence, String eventId,
                                  String type, String revision, String recordedAt, String actor,
                                  String correlationId, JsonNode payload, String prevHash) {
        JsonNode effectiveOn = payload.get("effectiveOn");
        return new ChainedEvent(aggregateType, aggregateId, sequence, eventId, type, revision, recordedAt,
                effectiveOn != null && effectiveOn.isTextual() ? effectiveOn.asText() : null, actor, correlationId,
                payload, prevHash);
    }

    /** The object whose canonical JSON is hashed. */
    public ObjectNode hashed() {
        ObjectNode node = Canonical.object();
        node.put("aggregateType", aggregateType);
        node.put("aggregateId", aggregateId);
        node.put("sequence", sequence);
        node.put("eventId", eventId);
        node.put("type", type);
        node.put("revision", revision);
        node.put("recordedAt", recordedAt);
        node.put("effectiveOn", effectiveOn);
        node.put("actor", actor);
        node.put("correlationId", correlationId);
        node.set("payload", payload);
        node.put("prevHash", prevHash);
        return node;
    }

    public String hash() {
        return Sha256.hex(Sha256.of(Canonical.bytes(hashed())));
    }

    /** Read back from an export line or any object {@link #hashed()} wrote. */
    public static ChainedEvent from(JsonNode node) {
        return new ChainedEvent(Canonical.text(node, "aggregateType"), Canonical.text(node, "aggregateId"),
                node.path("sequence").asLong(-1), Canonical.text(node, "eventId"), Canonical.text(node, "type"),
                Canonical.text(node, "revision"), Canonical.text(node, "recordedAt"),
                Canonical.text(node, "effectiveOn"), Canonical.text(node, "actor"),
                Canonical.text(node, "correlationId"), node.path("payload"), Canonical.text(node, "prevHash"));
    }

}
