package org.roadmapledger.query.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads an objective's audit history: its length from the head, a range of it by the entries' computed ids. For
 * the API and for the auditors' table on the pages; whoever calls records the read in the access log.
 */
@Component
public class ObjectiveHistories {

    private final MongoTemplate mongo;

    ObjectiveHistories(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** One recorded event, as the history shows it. */
    public record Item(long sequence, String eventId, String type, Instant recordedAt, String effectiveOn,
                       String actor, @JsonInclude(JsonInclude.Include.NON_NULL) ActorIdentity actorIdentity,
                       String correlationId, Object payload) {
    }

    /** How many events the objective's history holds, if it has one. */
    public OptionalLong length(String objectiveId) {
        HistoryHead head = mongo.findById(objectiveId, HistoryHead.class);
        return head == null ? OptionalLong.empty() : OptionalLong.of(head.lastSequence() + 1);
    }

    /** The events from sequence {@code from} (inclusive) to {@code to} (exclusive), in sequence order. */
    public List<Item> range(String objectiveId, long from, long to) {
        List<String> ids = new ArrayList<>();
        for (long sequence = Math.max(0, from); sequence < to; sequence++) {
            ids.add(HistoryEntry.id(objectiveId, sequence));
        }
        List<Item> items = new ArrayList<>(ids.size());
        if (!ids.isEmpty()) {
            for (Document document : mongo.getCollection(HistoryEntry.COLLECTION).find(Filters.in("_id", ids))) {
                HistoryEntry e = mongo.getConverter().read(HistoryEntry.class, document);
                items.add(new Item(e.sequence(), e.eventId(), e.type(), e.recordedAt(), e.effectiveOn(), e.actor(),
                        e.actorIdentity(), e.correlationId(), e.payload()));
            }
        }
        items.sort(Comparator.comparingLong(Item::sequence));
        return items;
    }
}
