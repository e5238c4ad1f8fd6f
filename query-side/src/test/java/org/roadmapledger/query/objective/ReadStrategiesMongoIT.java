package org.roadmapledger.query.objective;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.roadmapledger.query.MongoContainerStores;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The read strategies contract on a real MongoDB; skipped where no Docker engine runs. There, {@code explain}
 * also shows that a single read seeks the {@code objective_recorded} index and examines only the rectangles of the last event.
 */
@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = MongoContainerStores.class)
class ReadStrategiesMongoIT extends ReadStrategiesContract {

    @Override
    protected String variant() {
        return MongoContainerStores.VARIANT;
    }

    @Test
    void a_single_read_seeks_the_recorded_time_index_and_examines_only_the_last_events_rectangles() {
        // given the query of ObjectiveVersionStore.find for now and today
        Date now = new Date();
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        Document filter = new Document("objectiveId", id("rs-101"))
                .append("recordedFrom", new Document("$lte", now)).append("recordedTo", new Document("$gt", now))
                .append("validFrom", new Document("$lte", today)).append("validTo", new Document("$gt", today));

        // when
        Document explained = mongo.getDb().runCommand(new Document("explain", new Document("find",
                ObjectiveVersion.COLLECTION).append("filter", filter)
                .append("sort", new Document("recordedFrom", -1).append("knownFromSequence", -1))
                .append("limit", 1)).append("verbosity", "executionStats"));

        // then
        assertThat(explained.toJson()).contains("objective_recorded");
        Document stats = explained.get("executionStats", Document.class);
        assertThat(((Number) stats.get("nReturned")).intValue()).isEqualTo(1);
        // at most the rectangles of the objective's last event, which all share its recording time
        long last = mongo.findById(id("rs-101"), ObjectivePosition.class).lastSequence();
        long createdByLast = mongo.count(Query.query(where("objectiveId").is(id("rs-101"))
                .and("knownFromSequence").is(last)), ObjectiveVersion.class);
        assertThat(((Number) stats.get("totalDocsExamined")).longValue()).isLessThanOrEqualTo(createdByLast);
    }
}
