package org.roadmapledger.query;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.roadmapledger.api.roadmap.AxisDefinition;
import org.roadmapledger.api.roadmap.PriorityDefinition;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.api.roadmap.RoadmapStructurePublished;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * The structure of a contract test's roadmap, published once per event store: version 1 in 2019 (the era of
 * the roadmap rollup tests), version 2 from 2023 with one more priority and another title.
 */
final class ContractRoadmap {

    static final String TITLE_2019 = "Feuille de route 2019";
    static final String TITLE_2023 = "Feuille de route 2023-2027";

    private ContractRoadmap() {
    }

    static synchronized void ensurePublished(LedgerEvents ledger, EventStore eventStore, String roadmapId) {
        if (eventStore.lastSequenceNumberFor(roadmapId).isPresent()) {
            return;
        }
        RoadmapId id = RoadmapId.of(roadmapId);
        ledger.record(new RoadmapStructurePublished(id, 1, TITLE_2019, List.of(
                axis("1", "Axe 1", "1.P1", "1.P2"), axis("2", "Axe 2", "2.P1")),
                LocalDate.parse("2019-01-01")), Instant.parse("2019-01-01T08:00:00Z"));
        ledger.record(new RoadmapStructurePublished(id, 2, TITLE_2023, List.of(
                axis("1", "Axe 1", "1.P1", "1.P2"), axis("2", "Axe 2", "2.P1", "2.P2")),
                LocalDate.parse("2023-01-01")), Instant.parse("2023-01-01T08:00:00Z"));
    }

    private static AxisDefinition axis(String code, String title, String... priorities) {
        return new AxisDefinition(code, title, Arrays.stream(priorities)
                .map(p -> new PriorityDefinition(p, "Priorité " + p)).toList());
    }
}
