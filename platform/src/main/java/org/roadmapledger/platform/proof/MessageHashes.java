package org.roadmapledger.platform.proof;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.roadmapledger.proof.Canonical;
import org.roadmapledger.proof.ChainedEvent;

import java.util.Map;

/**
 * The chain's view of an Axon event about to be stored: what its hash covers, read as the storage engine will write
 * it (the payload serialized by the event serializer, the time stamp formatted as Axon stores it).
 */
public final class MessageHashes {

    private MessageHashes() {
    }

    public static ChainedEvent chained(DomainEventMessage<?> event, Serializer eventSerializer, String prevHash) {
        SerializedObject<byte[]> payload = event.serializePayload(eventSerializer, byte[].class);
        JsonNode json = Canonical.parse(payload.getData());
        return ChainedEvent.of(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getIdentifier(), payload.getType().getName(), payload.getType().getRevision(),
                DateTimeUtils.formatInstant(event.getTimestamp()), text(event, EventRows.ACTOR),
                text(event, EventRows.CORRELATION_ID), json, prevHash);
    }

    /** The event with its chain metadata, {@code prevHash} and {@code hash}. */
    public static DomainEventMessage<?> withChain(DomainEventMessage<?> event, String prevHash, String hash) {
        return event.andMetaData(Map.of(EventRows.PREV_HASH, prevHash, EventRows.HASH, hash));
    }

    private static String text(EventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
