package org.roadmapledger.query.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;

/** One history entry per objective event, keyed by the event id: a redelivery rewrites the same entry. */
@Component
@ProcessingGroup(HistoryProjection.PROCESSING_GROUP)
public class HistoryProjection {

    public static final String PROCESSING_GROUP = "audit-history";
    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final ObjectMapper objectMapper;

    HistoryProjection(MongoTemplate mongo, ObjectMapper objectMapper) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(HistoryEntry.class).ensureIndex(new Index().named("objective_sequence").unique()
                .on("objectiveId", Sort.Direction.ASC).on("sequence", Sort.Direction.ASC));
    }

    @EventHandler
    void on(ObjectiveEvent event, EventMessage<?> message, @SequenceNumber long sequence,
            @Timestamp Instant recordedAt, MetaData metaData) {
        mongo.save(new HistoryEntry(message.getIdentifier(), event.objectiveId().value(), sequence,
                event.getClass().getSimpleName(), recordedAt, event.effectiveOn().toString(),
                text(metaData, "actor"), text(metaData, "correlationId"), text(metaData, "causationId"),
                text(metaData, "idempotencyKey"), objectMapper.convertValue(event, AS_MAP)));
    }

    /** Writes the entry of an event read from the event store: how the reconciliation restores a missing one. */
    public void restore(DomainEventMessage<?> message) {
        if (message.getPayload() instanceof ObjectiveEvent event) {
            on(event, message, message.getSequenceNumber(), message.getTimestamp(), message.getMetaData());
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(HistoryEntry.class);
        createIndexes();
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
