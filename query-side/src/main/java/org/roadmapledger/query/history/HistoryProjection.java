package org.roadmapledger.query.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.query.store.BatchedWrites;
import org.roadmapledger.query.store.ImmutableDocuments;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One history entry per objective event under a computed id ({@link HistoryEntry#id}), written once: a redelivery
 * finds it there and leaves it. Each objective's head keeps its last sequence number ({@code $max}, so writing it again
 * changes nothing). Entries and heads of a batch of events are written once, at its end, heads last.
 */
@Component
@ProcessingGroup(HistoryProjection.PROCESSING_GROUP)
public class HistoryProjection {

    public static final String PROCESSING_GROUP = "audit-history";
    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final ObjectMapper objectMapper;
    private final BatchedWrites<Batch> writes;

    /** The entries of one batch, and each objective's last sequence in it. */
    private static final class Batch {
        private final List<HistoryEntry> entries = new ArrayList<>();
        private final Map<String, Long> heads = new LinkedHashMap<>();
    }

    HistoryProjection(MongoTemplate mongo, ObjectMapper objectMapper) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
        this.writes = new BatchedWrites<>(PROCESSING_GROUP, Batch::new, this::write);
    }

    @Bean
    ConfigurerModule writeHistoryAtTheEndOfEachBatch() {
        return writes.module();
    }

    @EventHandler
    void on(ObjectiveEvent event, EventMessage<?> message, @SequenceNumber long sequence,
            @Timestamp Instant recordedAt, MetaData metaData) {
        String objectiveId = event.objectiveId().value();
        HistoryEntry entry = new HistoryEntry(HistoryEntry.id(objectiveId, sequence), message.getIdentifier(),
                objectiveId, sequence, event.getClass().getSimpleName(), recordedAt, event.effectiveOn().toString(),
                text(metaData, "actor"), text(metaData, "correlationId"), text(metaData, "causationId"),
                text(metaData, "idempotencyKey"), objectMapper.convertValue(event, AS_MAP));
        Batch batch = writes.current();
        boolean detached = batch == null;
        if (detached) {
            batch = new Batch();
        }
        batch.entries.add(entry);
        batch.heads.merge(objectiveId, sequence, Math::max);
        if (detached) {
            write(batch);
        }
    }

    private void write(Batch batch) {
        if (batch.entries.isEmpty()) {
            return;
        }
        List<Document> entries = new ArrayList<>(batch.entries.size());
        for (HistoryEntry entry : batch.entries) {
            Document document = new Document();
            mongo.getConverter().write(entry, document);
            entries.add(document);
        }
        ImmutableDocuments.insert(mongo.getCollection(HistoryEntry.COLLECTION), entries);
        List<UpdateOneModel<Document>> heads = new ArrayList<>(batch.heads.size());
        batch.heads.forEach((objectiveId, last) -> heads.add(new UpdateOneModel<>(Filters.eq("_id", objectiveId),
                Updates.max("lastSequence", last), new UpdateOptions().upsert(true))));
        mongo.getCollection(HistoryHead.COLLECTION).bulkWrite(heads, new BulkWriteOptions().ordered(false));
        batch.entries.clear();
        batch.heads.clear();
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
        mongo.dropCollection(HistoryHead.class);
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
