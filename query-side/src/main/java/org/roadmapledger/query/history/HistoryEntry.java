package org.roadmapledger.query.history;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Map;

/**
 * One event of an objective's audit history, as recorded: who, when, effective when, and what. Its {@code _id} is
 * the objective id and the zero-padded sequence number ({@link #id}), so a page is a lookup of computed ids and
 * the ids sort in sequence order.
 */
@Document(HistoryEntry.COLLECTION)
public record HistoryEntry(
        @Id String id,
        String eventId,
        String objectiveId,
        long sequence,
        String type,
        Instant recordedAt,
        String effectiveOn,
        String actor,
        ActorIdentity actorIdentity,
        String correlationId,
        String causationId,
        String idempotencyKey,
        Map<String, Object> payload) {

    public static final String COLLECTION = "objective_history";

    public static String id(String objectiveId, long sequence) {
        return objectiveId + "#" + String.format("%019d", sequence);
    }
}
