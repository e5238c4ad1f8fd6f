package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.objective.RandomHistories;
import org.roadmapledger.query.objective.fold.MilestoneState;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.roadmapledger.api.objective.MilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.MilestonePlanned;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.StatusReported;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MilestoneListsTest {

    private static final ObjectiveId ID = ObjectiveId.of("ml-1");
    private static final LocalDate DEFINED = LocalDate.of(2024, 1, 10);
    private static final Instant FIRST = Instant.parse("2024-01-10T09:00:00Z");

    private final InMemoryDocuments documents = new InMemoryDocuments();
    private long sequence;

    @Test
    void versions_whose_event_leaves_the_milestones_as_they_were_share_one_list() {
        // given three milestones, then a status report on each of 60 later days
        apply(new ObjectiveDefined(ID, RandomHistories.ROADMAP, "1", "1.P1", "Titre", null, DEFINED));
        for (int m = 1; m <= 3; m++) {
            apply(new MilestonePlanned(ID, MilestoneId.of("J" + m), "Jalon " + m, DEFINED.plusDays(100 + m),
                    DEFINED.plusDays(m)));
        }
        for (int day = 4; day < 64; day++) {
            apply(new StatusReported(ID, ObjectiveStatus.ON_TRACK, day, null, DEFINED.plusDays(day)));
        }

        // then each milestone event wrote one list, and the 60 versions after them point to the last one
        assertThat(documents.all(MilestoneLists.COLLECTION)).hasSize(3);
        assertThat(documents.all(StateDocuments.COLLECTION)).hasSizeGreaterThan(60)
                .filteredOn(d -> d.getString("_id").endsWith("@50")).singleElement()
                .satisfies(d -> assertThat(d.getString("milestones")).isEqualTo("ml-1#" + DEFINED.plusDays(3) + "@3"));
        assertThat(milestonesAt(Instant.parse("2030-01-01T00:00:00Z"), DEFINED.plusDays(40)))
                .extracting(MilestoneState::milestoneId).containsExactly("J1", "J2", "J3");

        // when one is achieved, a new list holds it from then on, and the earlier versions keep theirs
        apply(new MilestoneAchieved(ID, MilestoneId.of("J2"), DEFINED.plusDays(64), "livré", DEFINED.plusDays(64)));
        assertThat(documents.all(MilestoneLists.COLLECTION)).hasSize(4);
        assertThat(milestonesAt(Instant.parse("2030-01-01T00:00:00Z"), DEFINED.plusDays(64)))
                .filteredOn(m -> m.achievedOn() != null).extracting(MilestoneState::milestoneId).containsExactly("J2");
        assertThat(milestonesAt(Instant.parse("2030-01-01T00:00:00Z"), DEFINED.plusDays(63)))
                .allSatisfy(m -> assertThat(m.achievedOn()).isNull());
        assertThat(milestonesAt(FIRST.plusSeconds(2), DEFINED.plusDays(40))).extracting(MilestoneState::milestoneId)
                .containsExactly("J1", "J2");
        assertThat(milestonesAt(FIRST, DEFINED.plusDays(40))).isEmpty();
    }

    @Test
    void a_state_stored_with_its_milestones_inline_by_an_earlier_version_still_reads() {
        Document inline = new Document("_id", "ml-1#2024-01-10@4").append("objectiveId", "ml-1")
                .append("roadmapId", "r").append("axis", "1").append("priority", "1.P1").append("title", "Titre")
                .append("description", null).append("sponsor", null).append("status", "ON_TRACK")
                .append("progressPercent", 40)
                .append("milestones", List.of(new Document("milestoneId", "J1").append("title", "Jalon 1")
                        .append("dueOn", "2024-05-01").append("achievedOn", "2024-04-20")))
                .append("since", new Document("placement", "2024-01-10").append("wording", "2024-01-10")
                        .append("sponsor", null).append("status", "2024-01-12").append("progressPercent", "2024-01-12"));
        documents.replace(StateDocuments.COLLECTION, List.of(inline));

        StateDocuments.Stored stored = StateDocuments.read(documents, List.of("ml-1#2024-01-10@4"), new HashMap<>())
                .get("ml-1#2024-01-10@4");

        assertThat(stored.milestonesId()).isNull();
        assertThat(stored.state().milestones()).containsExactly(
                new MilestoneState("J1", "Jalon 1", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 4, 20)));
        assertThat(stored.state().progressPercent().value()).isEqualTo(40);
    }

    private void apply(ObjectiveEvent event) {
        ViewBatch batch = new ViewBatch(documents);
        batch.apply(ID.value(), sequence, FIRST.plusSeconds(sequence), event);
        batch.flush();
        sequence++;
    }

    private List<MilestoneState> milestonesAt(Instant asOf, LocalDate validAt) {
        return new ArrayList<>(ViewReader.at(documents, List.of(ID.value()), asOf, validAt, false).get(ID.value())
                .version().milestones());
    }
}
