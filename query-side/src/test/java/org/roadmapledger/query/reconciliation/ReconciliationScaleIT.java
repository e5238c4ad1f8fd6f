package org.roadmapledger.query.reconciliation;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadmapledger.query.EventStoreDatabase;
import org.roadmapledger.query.ObjectiveHistories;
import org.roadmapledger.query.history.HistoryContiguity;
import org.roadmapledger.query.history.HistoryHead;
import org.roadmapledger.query.objective.versions.ObjectiveVersionStore;
import org.roadmapledger.platform.store.EventStoreSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison at the scale the issue sets, 10,000 objectives, on a real PostgreSQL (a database of its own in
 * the tests' server, so that no other test's processors read these events) and a real MongoDB-wire server:
 * ten pages, and exactly the planted drift found.
 */
class ReconciliationScaleIT {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationScaleIT.class);
    private static final int OBJECTIVES = 10_000;

    private static MongoServer mongoServer;
    private static MongoClient mongoClient;
    private static EventStoreDatabase database;

    @BeforeAll
    static void stores() {
        database = EventStoreDatabase.create("reconciliation_scale");
        mongoServer = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongoServer.bind();
        mongoClient = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    @AfterAll
    static void close() {
        mongoClient.close();
        mongoServer.shutdownNow();
    }

    @Test
    void ten_thousand_objectives_are_compared_in_ten_pages_and_only_the_drifting_ones_reported() {
        // given 10,000 objectives in the event store, their views up to date except three
        MongoTemplate mongo = new MongoTemplate(mongoClient, "ledger");
        Map<String, Long> last = appendObjectives();
        List<Document> positions = new ArrayList<>();
        List<Document> heads = new ArrayList<>();
        last.forEach((id, sequence) -> {
            if (!id.equals("scale-07777")) { // its first event was missed: the views never heard of it
                long known = id.equals("scale-00042") ? sequence - 1 : sequence;
                positions.add(new Document("_id", id).append("lastSequence", known));
                // the history of scale-05000 misses its event 1: its entries run without a gap to 0 only
                heads.add(new Document("_id", id).append("lastSequence", sequence)
                        .append(HistoryContiguity.FIELD, id.equals("scale-05000") ? 0 : sequence));
            }
        });
        mongo.getCollection(ObjectiveVersionStore.POSITIONS).insertMany(positions);
        mongo.getCollection(HistoryHead.COLLECTION).insertMany(heads);
        DriftFinder finder = new DriftFinder(
                new JdbcStoredObjectives(new JdbcTemplate(database.dataSource()), EventStoreSchema.ledgerSchema()), mongo);

        // when
        Instant start = Instant.now();
        DriftFinder.Scan scan = finder.scan(1000);
        Duration took = Duration.between(start, Instant.now());

        // then
        log.info("Compared {} objectives in {} pages in {} ms", scan.objectivesChecked(), scan.pages(),
                took.toMillis());
        assertThat(scan.objectivesChecked()).isEqualTo(OBJECTIVES);
        assertThat(scan.pages()).isEqualTo(10);
        assertThat(scan.drifting()).containsExactlyInAnyOrder(
                new DriftFinder.Drift("scale-00042", last.get("scale-00042"), last.get("scale-00042") - 1,
                        last.get("scale-00042") + 1),
                new DriftFinder.Drift("scale-05000", last.get("scale-05000"), last.get("scale-05000"), 1),
                new DriftFinder.Drift("scale-07777", last.get("scale-07777"), -1, 0));
    }

    private static Map<String, Long> appendObjectives() {
        Random random = new Random(10_000);
        Map<String, Long> last = new HashMap<>();
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < OBJECTIVES; i++) {
            String id = String.format("scale-%05d", i);
            int count = 1 + random.nextInt(3);
            events.addAll(ObjectiveHistories.of(id, count, Instant.parse("2024-01-01T08:00:00Z"), random));
            last.put(id, (long) count - 1);
        }
        database.append(events);
        return last;
    }
}
