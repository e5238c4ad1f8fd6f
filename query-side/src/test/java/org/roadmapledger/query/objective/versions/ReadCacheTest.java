package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.objective.RecordedEvent;
import org.roadmapledger.query.objective.RandomHistories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roadmapledger.query.InMemoryMongo;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reads' cache of decoded positions and milestone lists never answers with less than the views hold. */
class ReadCacheTest {

    private static final Instant LATER = Instant.parse("2100-01-01T00:00:00Z");

    private InMemoryMongo views;
    private ObjectiveVersionStore store;

    @BeforeEach
    void start() {
        views = new InMemoryMongo();
        MongoTemplate mongo = views.template();
        store = new ObjectiveVersionStore(mongo, new ObjectiveDirectory(mongo));
    }

    @AfterEach
    void stop() {
        views.close();
    }

    @Test
    void a_position_is_decoded_again_only_when_it_has_moved_on_and_every_read_sees_the_latest() {
        List<RecordedEvent> history = RandomHistories.generate("cache-1", 11, 60);
        assertThat(history).hasSizeGreaterThan(4);
        apply(history.subList(0, history.size() - 1));
        RecordedEvent last = history.get(history.size() - 1);

        ObjectivePosition first = store.positionsOf(List.of("cache-1")).get("cache-1");
        assertThat(store.positionsOf(List.of("cache-1")).get("cache-1")).isSameAs(first);
        assertThat(version()).isEqualTo(last.sequence() - 1);

        apply(List.of(last));

        ObjectivePosition moved = store.positionsOf(List.of("cache-1")).get("cache-1");
        assertThat(moved).isNotSameAs(first);
        assertThat(moved.lastSequence()).isEqualTo(last.sequence());
        assertThat(version()).isEqualTo(last.sequence());

        store.deleteAll();
        assertThat(store.positionsOf(List.of("cache-1"))).isEmpty();
        assertThat(ViewReader.at(store, List.of("cache-1"), LATER, last.event().effectiveOn(), true)).isEmpty();
    }

    private long version() {
        return ViewReader.at(store, List.of("cache-1"), LATER, LATER.atZone(RandomHistories.PARIS).toLocalDate(),
                true).get("cache-1").versionNumber();
    }

    private void apply(List<RecordedEvent> events) {
        ViewBatch batch = new ViewBatch(store);
        events.forEach(e -> batch.apply("cache-1", e.sequence(), e.recordedAt(), e.event()));
        batch.flush();
    }
}
