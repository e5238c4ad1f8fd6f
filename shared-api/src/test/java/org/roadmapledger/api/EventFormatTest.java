package org.roadmapledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.roadmapledger.api.upcasting.ProvisionalTitlesUpcaster;
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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored events are permanent: each released event revision has a JSON fixture, and the current record must
 * read it and write it back unchanged. A failing test here means a released event was changed: add a revision
 * and an upcaster instead. Every earlier revision's fixture stays, and is read through the upcasters.
 */
class EventFormatTest {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Each event at its current revision. */
    static Stream<Object> releasedEvents() {
        ObjectiveId id = ObjectiveId.of("1.01");
        MilestoneId m1 = MilestoneId.of("M1");
        LocalDate day = LocalDate.parse("2024-03-31");
        return Stream.of(
                new ObjectiveDefined(id, RoadmapId.of("fr-digital-health-2023-2027"), "1", "1.P1",
                        "Priorité 1.1 – objectif 1", null, LocalDate.parse("2023-05-17"), true),
                new ObjectiveAmended(id, "Nouveau titre", "Description", day, false),
                new ObjectiveMoved(id, "1", "1.P2", "1", "1.P1", day),
                new SponsorAssigned(id, "ANS", null, "Arbitrage", day),
                new StatusReported(id, ObjectiveStatus.AT_RISK, 40, "Retard", day),
                new MilestonePlanned(id, m1, "Pilote", LocalDate.parse("2024-12-31"), day),
                new MilestoneRescheduled(id, m1, LocalDate.parse("2025-06-30"), LocalDate.parse("2024-12-31"),
                        "Marché", day),
                new MilestoneAchieved(id, m1, day, "PV", day),
                new MilestoneAchievementRevoked(id, m1, "Recette invalidée", day),
                new RoadmapStructurePublished(RoadmapId.of("fr-digital-health-2023-2027"), 1, "Feuille de route",
                        List.of(new AxisDefinition("1", "Axe 1", List.of(new PriorityDefinition("1.P1",
                                "Priorité 1.1", true)))), LocalDate.parse("2023-05-17")));
    }

    /** The events of an earlier revision, as their stored JSON is read today. */
    static Stream<Arguments> earlierRevisions() {
        ObjectiveId id = ObjectiveId.of("1.01");
        return Stream.of(
                Arguments.of("ObjectiveDefined.v1.json", new ObjectiveDefined(id,
                        RoadmapId.of("fr-digital-health-2023-2027"), "1", "1.P1", "Titre", null,
                        LocalDate.parse("2023-05-17"), false)),
                Arguments.of("ObjectiveAmended.v1.json", new ObjectiveAmended(id, "Nouveau titre", "Description",
                        LocalDate.parse("2024-03-31"), false)),
                Arguments.of("RoadmapStructurePublished.v1.json", new RoadmapStructurePublished(
                        RoadmapId.of("fr-digital-health-2023-2027"), 1, "Feuille de route", List.of(
                        new AxisDefinition("1", "Axe 1", List.of(new PriorityDefinition("1.P1", "P 1.1", false)))),
                        LocalDate.parse("2023-05-17"))));
    }

    @ParameterizedTest
    @MethodSource("releasedEvents")
    void a_released_event_keeps_its_stored_json(Object event) throws IOException {
        // given
        JsonNode fixture = fixture(event.getClass().getSimpleName() + ".v" + revision(event.getClass()) + ".json");

        // when
        JsonNode written = mapper.valueToTree(event);
        Object read = mapper.treeToValue(fixture, event.getClass());

        // then
        assertThat(written).isEqualTo(fixture);
        assertThat(read).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("earlierRevisions")
    void an_event_stored_at_an_earlier_revision_is_read_through_the_upcaster_with_official_titles(
            String storedJson, Object expected) throws IOException {
        // given the JSON stored with revision 1
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        byte[] payload = mapper.writeValueAsBytes(fixture(storedJson));
        DomainEventData<byte[]> stored = new GenericDomainEventEntry<>("Objective", "1.01", 0,
                "event-1", Instant.parse("2024-03-31T08:00:00Z"), expected.getClass().getName(), "1", payload,
                "{}".getBytes(StandardCharsets.UTF_8));

        // when
        IntermediateEventRepresentation read = new ProvisionalTitlesUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).findFirst().orElseThrow();

        // then
        assertThat(read.getType().getRevision()).isEqualTo(revision(expected.getClass()));
        assertThat(mapper.treeToValue(read.getData(JsonNode.class).getData(), expected.getClass()))
                .isEqualTo(expected);
    }

    private static String revision(Class<?> type) {
        return type.getAnnotation(Revision.class).value();
    }

    private JsonNode fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/events/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return mapper.readTree(in);
        }
    }
}
