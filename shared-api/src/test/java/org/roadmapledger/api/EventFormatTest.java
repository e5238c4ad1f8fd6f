package org.roadmapledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.roadmapledger.api.objective.MilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneAchievementRevoked;
import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.MilestonePlanned;
import org.roadmapledger.api.objective.MilestoneRescheduled;
import org.roadmapledger.api.objective.ObjectiveAmended;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveMoved;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.SponsorAssigned;
import org.roadmapledger.api.objective.StatusReported;
import org.roadmapledger.api.roadmap.AxisDefinition;
import org.roadmapledger.api.roadmap.PriorityDefinition;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.api.roadmap.RoadmapStructurePublished;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored events are permanent: each released event revision has a JSON fixture, and the current record must
 * read it and write it back unchanged. A failing test here means a released event was changed: add a revision
 * and an upcaster instead.
 */
class EventFormatTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Stream<Object> releasedEvents() {
        ObjectiveId id = ObjectiveId.of("1.01");
        MilestoneId m1 = MilestoneId.of("M1");
        LocalDate day = LocalDate.parse("2024-03-31");
        return Stream.of(
                new ObjectiveDefined(id, RoadmapId.of("fr-digital-health-2023-2027"), "1", "1.P1", "Titre", null,
                        LocalDate.parse("2023-05-17")),
                new ObjectiveAmended(id, "Nouveau titre", "Description", day),
                new ObjectiveMoved(id, "1", "1.P2", "1", "1.P1", day),
                new SponsorAssigned(id, "ANS", null, "Arbitrage", day),
                new StatusReported(id, ObjectiveStatus.AT_RISK, 40, "Retard", day),
                new MilestonePlanned(id, m1, "Pilote", LocalDate.parse("2024-12-31"), day),
                new MilestoneRescheduled(id, m1, LocalDate.parse("2025-06-30"), LocalDate.parse("2024-12-31"),
                        "Marché", day),
                new MilestoneAchieved(id, m1, day, "PV", day),
                new MilestoneAchievementRevoked(id, m1, "Recette invalidée", day),
                new RoadmapStructurePublished(RoadmapId.of("fr-digital-health-2023-2027"), 1, "Feuille de route",
                        List.of(new AxisDefinition("1", "Axe 1", List.of(new PriorityDefinition("1.P1", "P 1.1")))),
                        LocalDate.parse("2023-05-17")));
    }

    @ParameterizedTest
    @MethodSource("releasedEvents")
    void a_released_event_keeps_its_stored_json(Object event) throws IOException {
        // given
        JsonNode fixture = fixture(event.getClass().getSimpleName() + ".v1.json");

        // when
        JsonNode written = mapper.valueToTree(event);
        Object read = mapper.treeToValue(fixture, event.getClass());

        // then
        assertThat(written).isEqualTo(fixture);
        assertThat(read).isEqualTo(event);
    }

    private JsonNode fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/events/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return mapper.readTree(in);
        }
    }
}
