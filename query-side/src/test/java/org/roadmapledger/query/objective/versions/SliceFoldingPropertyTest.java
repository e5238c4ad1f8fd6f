package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.objective.ReferenceFold;
import org.roadmapledger.query.objective.RecordedEvent;
import org.roadmapledger.query.objective.RandomHistories;
import org.junit.jupiter.api.Test;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.StatusReported;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strongest evidence that the slice model is right: on a few hundred seeded random histories, at every
 * viewpoint where something can change, the stored rectangles answer exactly what DESIGN.md's naive fold does.
 */
class SliceFoldingPropertyTest {

    private static final int HISTORIES = 400;

    @Test
    void the_rectangles_answer_what_the_reference_fold_answers_at_every_viewpoint() {
        for (long seed = 1; seed <= HISTORIES; seed++) {
            // given
            List<RecordedEvent> history = RandomHistories.generate("p-" + seed, seed, 30);
            InMemoryRectangles rectangles = new InMemoryRectangles();

            // when
            history.forEach(rectangles::apply);

            // then
            for (Instant asOf : RandomHistories.interestingInstants(history)) {
                for (LocalDate validAt : RandomHistories.interestingDates(history)) {
                    assertSameAnswer(seed, history, rectangles, asOf, validAt);
                }
            }
        }
    }

    @Test
    void an_event_of_the_present_adds_at_most_two_rectangles() {
        // given a history where every event takes effect on its recording date
        List<RecordedEvent> history = RandomHistories.generate("p-present", 7, 200).stream()
                .filter(e -> e.sequence() == 0 || !e.event().effectiveOn()
                        .isBefore(LocalDate.ofInstant(e.recordedAt(), RandomHistories.PARIS)))
                .toList();
        InMemoryRectangles rectangles = new InMemoryRectangles();

        // when
        for (int i = 0; i < history.size(); i++) {
            rectangles.apply(new RecordedEvent(i, history.get(i).recordedAt(), history.get(i).event()));
        }

        // then
        assertThat(rectangles.size()).isLessThanOrEqualTo(2 * history.size());
    }

    @Test
    void the_earlier_part_of_a_split_slice_shares_the_state_it_had() {
        // given an objective and a status report on each of the next 20 days, each effective on its day
        ObjectiveId id = ObjectiveId.of("p-split");
        LocalDate defined = LocalDate.of(2024, 3, 1);
        InMemoryRectangles rectangles = new InMemoryRectangles();
        rectangles.apply(new RecordedEvent(0, instant(defined), new ObjectiveDefined(id, RandomHistories.ROADMAP,
                "1", "1.P1", "Titre", null, defined)));

        // when
        for (int day = 1; day <= 20; day++) {
            LocalDate on = defined.plusDays(day);
            rectangles.apply(new RecordedEvent(day, instant(on),
                    new StatusReported(id, ObjectiveStatus.ON_TRACK, day, null, on)));
        }

        // then each report split the open slice in two, and stored one state: the new one
        assertThat(rectangles.size()).isEqualTo(1 + 2 * 20);
        assertThat(rectangles.states()).isEqualTo(1 + 20);
        assertThat(rectangles.at(instant(defined.plusDays(5)).plusSeconds(1), defined.plusDays(2)))
                .singleElement().satisfies(v -> assertThat(v.progressPercent()).isEqualTo(2));
    }

    private static Instant instant(LocalDate day) {
        return day.atTime(10, 0).atZone(RandomHistories.PARIS).toInstant();
    }

    private static void assertSameAnswer(long seed, List<RecordedEvent> history, InMemoryRectangles rectangles,
                                         Instant asOf, LocalDate validAt) {
        Optional<ReferenceFold.Expected> expected = ReferenceFold.at(history, asOf, validAt);
        List<ObjectiveVersion> found = rectangles.at(asOf, validAt);
        Supplier<String> where =
                () -> "seed " + seed + ", asOf " + asOf + ", validAt " + validAt + ", history " + history;
        assertThat(found).as(where).hasSizeLessThanOrEqualTo(1);
        assertThat(found.stream().findFirst().map(v -> actual(v, rectangles.versionAt(asOf).orElseThrow())))
                .as(where).isEqualTo(expected);
    }

    static ReferenceFold.Expected actual(ObjectiveVersion v, long version) {
        return new ReferenceFold.Expected(v.axis(), v.priority(), v.title(), v.description(), v.sponsor(),
                v.status(), v.progressPercent(), v.milestones(), version);
    }
}
