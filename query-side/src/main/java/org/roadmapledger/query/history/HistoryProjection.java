package org.roadmapledger.query.history;

import org.roadmapledger.query.processing.ProcessingGroups;
import org.roadmapledger.query.store.ViewCollections;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One history entry per objective event under a computed id ({@link HistoryEntry#id}), written once: a redelivery
 * finds it there and leaves it. Each objective's head keeps its last sequence number and how far its entries run
 * from 0 without a gap ({@link HistoryContiguity#FIELD}; both {@code $max}, so writing them again changes nothing):
 * the reconciliation compares the second with the event store instead of counting entries. Entries and heads of a
 * batch of events are written once, at its end, heads last.
 */
@Component
@ProcessingGroup(ProcessingGroups.AUDIT_HISTORY)
public class HistoryProjection {

    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final ObjectMapper objectMapper;
    private final BatchedWrites<Batch> writes;

    /** The entries of one batch, and each objective's sequence numbers in it. */
    private static final class Batch {
        private final List<HistoryEntry> entries = new ArrayList<>();
        private final Map<String, Set<Long>> sequences = new LinkedHashMap<>();
    }

    HistoryProjection(MongoTemplate mongo, ObjectMapper objectMapper) {
        this.mongo = mongo;
        this.objectMapper = objectMapper;
        this.writes = new BatchedWrites<>(ProcessingGroups.AUDIT_HISTORY, Batch::new, this::write);
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
                text(metaData, "actor"), ActorIdentity.of(metaData), text(metaData, "correlationId"), text(metaData, "causationId"),
                text(metaData, "idempotencyKey"), objectMapper.convertValue(event, AS_MAP));
        Batch batch = writes.current();
        boolean detached = batch == null;
        if (detached) {
            batch = new Batch();
        }
        batch.entries.add(entry);
        batch.sequences.computeIfAbsent(objectiveId, id -> new HashSet<>()).add(sequence);
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
        MongoCollection<Document> entryCollection = ViewCollections.forProjection(mongo, HistoryEntry.COLLECTION);
        ImmutableDocuments.insert(entryCollection, entries);
        MongoCollection<Document> headCollection = ViewCollections.forProjection(mongo, HistoryHead.COLLECTION);
        Map<String, Document> stored = new HashMap<>();
        headCollection.find(Filters.in("_id", batch.sequences.keySet()))
                .forEach(head -> stored.put(head.getString("_id"), head));
        List<UpdateOneModel<Document>> heads = new ArrayList<>(batch.sequences.size());
        batch.sequences.forEach((objectiveId, sequences) -> {
            Document head = stored.get(objectiveId);
            long last = Math.max(Collections.max(sequences),
                    head == null ? -1 : ((Number) head.get("lastSequence")).longValue());
            long before = HistoryContiguity.of(head);
            long through = before;
            while (sequences.contains(through + 1)) {
                through++;
            }
            if (through > before) { // entries beyond may exist already: those of events restored out of order
                through = HistoryContiguity.extend(entryCollection, objectiveId, through, last);
            }
            heads.add(new UpdateOneModel<>(Filters.eq("_id", objectiveId),
                    Updates.combine(Updates.max("lastSequence", last), Updates.max(HistoryContiguity.FIELD, through)),
                    new UpdateOptions().upsert(true)));
        });
        headCollection.bulkWrite(heads, new BulkWriteOptions().ordered(false));
        batch.entries.clear();
        batch.sequences.clear();
    }

    /** Records that the objective's entries run without a gap up to {@code through}, once it has been checked. */
    public void confirmContiguous(String objectiveId, long through) {
        mongo.getCollection(HistoryHead.COLLECTION).updateOne(Filters.eq("_id", objectiveId),
                Updates.combine(Updates.max("lastSequence", through), Updates.max(HistoryContiguity.FIELD, through)),
                new UpdateOptions().upsert(true));
    }

    /** Writes the entry of an event read from the event store: how the reconciliation restores a missing one. */
    public void restore(DomainEventMessage<?> message) {
        if (message.getPayload() instanceof ObjectiveEvent event) {
            on(event, message, message.getSequenceNumber(), message.getTimestamp(), message.getMetaData());
        }
    }

    @ResetHandler
    void reset() {
        ViewCollections.drop(mongo, List.of(HistoryEntry.COLLECTION, HistoryHead.COLLECTION));
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
