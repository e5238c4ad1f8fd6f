package org.roadmapledger.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roadmapledger.query.InMemoryMongo;
import org.roadmapledger.query.ObjectiveHistories;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history head knows how far an objective's entries run without a gap, whatever order its events come in: the
 * reconciliation finds a missed event by that alone, without counting the history.
 */
class HistoryContiguityTest {

    private InMemoryMongo views;
    private MongoTemplate mongo;
    private HistoryProjection projection;

    @BeforeEach
    void start() {
        views = new InMemoryMongo();
        mongo = views.template();
        projection = new HistoryProjection(mongo, new ObjectMapper().findAndRegisterModules());
    }

    @AfterEach
    void stop() {
        views.close();
    }

    @Test
    void a_missed_event_stops_the_run_until_it_is_restored_and_a_redelivery_changes_nothing() {
        List<EventMessage<?>> events = ObjectiveHistories.of("gap-1", 6, Instant.parse("2024-02-01T08:00:00Z"),
                new Random(4));

        // events 0 and 1, then 3 to 5 (2 missed): the run stops at 1
        for (int s : new int[] {0, 1, 3, 4, 5}) {
            projection.restore((DomainEventMessage<?>) events.get(s));
        }
        assertThat(head()).containsEntry("lastSequence", 5L).containsEntry(HistoryContiguity.FIELD, 1L);

        // when 2 arrives after all (the reconciliation restores it), the run reaches the entries already there
        projection.restore((DomainEventMessage<?>) events.get(2));
        assertThat(head()).containsEntry("lastSequence", 5L).containsEntry(HistoryContiguity.FIELD, 5L);

        // and a redelivery of an earlier event moves nothing back
        projection.restore((DomainEventMessage<?>) events.get(1));
        assertThat(head()).containsEntry("lastSequence", 5L).containsEntry(HistoryContiguity.FIELD, 5L);
        assertThat(mongo.getCollection(HistoryEntry.COLLECTION).countDocuments()).isEqualTo(6);
    }

    @Test
    void a_head_written_before_the_field_existed_reads_as_no_run_and_is_confirmed_by_the_reconciliation() {
        mongo.getCollection(HistoryHead.COLLECTION).insertOne(new Document("_id", "old-1").append("lastSequence", 7L));
        Document head = mongo.getCollection(HistoryHead.COLLECTION).find(Filters.eq("_id", "old-1")).first();
        assertThat(HistoryContiguity.of(head)).isEqualTo(-1);

        projection.confirmContiguous("old-1", 7);

        head = mongo.getCollection(HistoryHead.COLLECTION).find(Filters.eq("_id", "old-1")).first();
        assertThat(HistoryContiguity.of(head)).isEqualTo(7);
    }

    private Document head() {
        return mongo.getCollection(HistoryHead.COLLECTION).find(Filters.eq("_id", "gap-1")).first();
    }
}
