package org.roadmapledger.command.roadmap;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.roadmapledger.api.roadmap.AxisDefinition;
import org.roadmapledger.api.roadmap.PriorityDefinition;
import org.roadmapledger.api.roadmap.PublishRoadmapStructure;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.api.roadmap.RoadmapStructurePublished;
import org.roadmapledger.command.rules.Rule;
import org.roadmapledger.command.rules.RuleViolation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

class RoadmapTest {

    /** 22:30 UTC on June 30th is already July 1st in Paris (CEST, UTC+2): "today" is the Paris date. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T22:30:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);
    private static final LocalDate LAUNCHED_ON = LocalDate.of(2023, 5, 17);

    private static final RoadmapId ROADMAP_ID = RoadmapId.of("fr-digital-health-2023-2027");
    private static final String TITLE = "Feuille de route du numérique en santé 2023-2027";

    private static final PriorityDefinition P11 = new PriorityDefinition("1.P1", "Gouvernance");
    private static final PriorityDefinition P12 = new PriorityDefinition("1.P2", "Cybersécurité");
    private static final PriorityDefinition P21 = new PriorityDefinition("2.P1", "Espace numérique de santé");
    private static final List<AxisDefinition> AXES = List.of(
            new AxisDefinition("1", "Prévention", List.of(P11, P12)),
            new AxisDefinition("2", "Accès aux soins", List.of(P21)));

    private FixtureConfiguration<Roadmap> fixture;
    private TestOccupancy occupancy;

    @BeforeEach
    void setUp() {
        occupancy = new TestOccupancy();
        fixture = new AggregateTestFixture<>(Roadmap.class);
        fixture.registerInjectableResource(occupancy);
        fixture.registerInjectableResource(CLOCK);
    }

    @Nested
    class PublishingTheStructure {

        @Test
        void the_first_publication_records_structure_version_one() {
            // given
            TestExecutor<Roadmap> given = fixture.givenNoPriorActivity();

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, TITLE, AXES,
                    LAUNCHED_ON));

            // then
            then.expectSuccessfulHandlerExecution()
                    .expectEvents(new RoadmapStructurePublished(ROADMAP_ID, 1, TITLE, AXES, LAUNCHED_ON))
                    .expectResultMessagePayload(0L);
        }

        @Test
        void a_publication_without_effective_date_takes_effect_today_in_paris() {
            // given
            TestExecutor<Roadmap> given = fixture.givenNoPriorActivity();

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, TITLE, AXES, null));

            // then
            then.expectEvents(new RoadmapStructurePublished(ROADMAP_ID, 1, TITLE, AXES, TODAY));
        }

        @Test
        void a_publication_effective_in_the_future_is_refused() {
            // given
            TestExecutor<Roadmap> given = fixture.givenNoPriorActivity();

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, TITLE, AXES,
                    TODAY.plusDays(1)));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_IN_FUTURE, "effectiveOn"))
                    .expectExceptionMessage(containsString("must not be after 2025-07-01"));
        }

        @Test
        void publishing_a_changed_structure_records_the_next_structure_version() {
            // given
            TestExecutor<Roadmap> given = fixture.given(published(1, AXES));
            List<AxisDefinition> changed = List.of(
                    new AxisDefinition("1", "Prévention", List.of(P11, P12)),
                    new AxisDefinition("2", "Accès aux soins",
                            List.of(P21, new PriorityDefinition("2.P2", "Télésanté"))));

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, TITLE, changed, null));

            // then
            then.expectEvents(new RoadmapStructurePublished(ROADMAP_ID, 2, TITLE, changed, TODAY))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void publishing_a_new_title_alone_is_a_new_structure() {
            // given
            TestExecutor<Roadmap> given = fixture.given(published(1, AXES));

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, "Feuille de route",
                    AXES, null));

            // then
            then.expectEvents(new RoadmapStructurePublished(ROADMAP_ID, 2, "Feuille de route", AXES, TODAY))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void publishing_the_structure_in_force_is_refused() {
            // given
            TestExecutor<Roadmap> given = fixture.given(published(1, AXES));

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, TITLE, AXES,
                    LAUNCHED_ON));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.NOTHING_CHANGES))
                    .expectExceptionMessage(containsString("the structure is the one in force already"));
        }

        @Test
        void publishing_the_structure_in_force_on_another_date_is_refused() {
            // given
            TestExecutor<Roadmap> given = fixture.given(published(1, AXES));

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, TITLE, AXES, TODAY));

            // then
            then.expectNoEvents().expectException(violation(Rule.NOTHING_CHANGES));
        }

        @Test
        void a_structure_with_an_axis_code_twice_is_refused() {
            // given
            TestExecutor<Roadmap> given = fixture.givenNoPriorActivity();
            List<AxisDefinition> axes = List.of(
                    new AxisDefinition("1", "Prévention", List.of(P11)),
                    new AxisDefinition("1", "Accès aux soins", List.of(P21)));

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, TITLE, axes, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.INVALID_STRUCTURE, "axes"))
                    .expectExceptionMessage(containsString("axis 1 appears twice"));
        }

        @Test
        void a_structure_with_a_priority_code_twice_in_one_axis_is_refused() {
            // given
            TestExecutor<Roadmap> given = fixture.givenNoPriorActivity();
            List<AxisDefinition> axes = List.of(new AxisDefinition("1", "Prévention",
                    List.of(P11, new PriorityDefinition("1.P1", "Autre"))));

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, TITLE, axes, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.INVALID_STRUCTURE, "axes"))
                    .expectExceptionMessage(containsString("priority 1.P1 appears twice"));
        }

        @Test
        void a_structure_with_a_priority_code_under_two_axes_is_refused() {
            // given
            TestExecutor<Roadmap> given = fixture.given(published(1, AXES));
            List<AxisDefinition> axes = List.of(
                    new AxisDefinition("1", "Prévention", List.of(P11, P12)),
                    new AxisDefinition("2", "Accès aux soins", List.of(P21, P12)));

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, TITLE, axes, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.INVALID_STRUCTURE, "axes"))
                    .expectExceptionMessage(containsString("priority 1.P2 appears twice"));
        }

        @Test
        void dropping_a_priority_that_holds_objectives_is_refused() {
            // given
            occupancy.occupy(ROADMAP_ID, "1", "1.P2");
            TestExecutor<Roadmap> given = fixture.given(published(1, AXES));
            List<AxisDefinition> withoutP12 = List.of(
                    new AxisDefinition("1", "Prévention", List.of(P11)),
                    new AxisDefinition("2", "Accès aux soins", List.of(P21)));

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, TITLE, withoutP12,
                    null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.PRIORITY_HOLDS_OBJECTIVES, "axes"))
                    .expectExceptionMessage(containsString("priority 1.P2 of axis 1 still holds objectives"));
        }

        @Test
        void dropping_an_axis_whose_priority_holds_objectives_is_refused() {
            // given
            occupancy.occupy(ROADMAP_ID, "2", "2.P1");
            TestExecutor<Roadmap> given = fixture.given(published(1, AXES));
            List<AxisDefinition> withoutAxis2 = List.of(new AxisDefinition("1", "Prévention", List.of(P11, P12)));

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, TITLE, withoutAxis2,
                    null));

            // then
            then.expectNoEvents().expectException(violation(Rule.PRIORITY_HOLDS_OBJECTIVES, "axes"));
        }

        @Test
        void moving_a_priority_that_holds_objectives_to_another_axis_is_refused() {
            // given
            occupancy.occupy(ROADMAP_ID, "1", "1.P2");
            TestExecutor<Roadmap> given = fixture.given(published(1, AXES));
            List<AxisDefinition> p12UnderAxis2 = List.of(
                    new AxisDefinition("1", "Prévention", List.of(P11)),
                    new AxisDefinition("2", "Accès aux soins", List.of(P21, P12)));

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, TITLE, p12UnderAxis2,
                    null));

            // then
            then.expectNoEvents().expectException(violation(Rule.PRIORITY_HOLDS_OBJECTIVES, "axes"));
        }

        @Test
        void dropping_an_empty_priority_is_recorded() {
            // given
            occupancy.occupy(ROADMAP_ID, "1", "1.P1");
            TestExecutor<Roadmap> given = fixture.given(published(1, AXES));
            List<AxisDefinition> withoutP12 = List.of(
                    new AxisDefinition("1", "Prévention", List.of(P11)),
                    new AxisDefinition("2", "Accès aux soins", List.of(P21)));

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, TITLE, withoutP12,
                    null));

            // then
            then.expectEvents(new RoadmapStructurePublished(ROADMAP_ID, 2, TITLE, withoutP12, TODAY))
                    .expectResultMessagePayload(1L);
            assertThat(occupancy.asked()).containsExactly("fr-digital-health-2023-2027/1/1.P2");
        }

        @Test
        void retitling_a_priority_that_holds_objectives_is_recorded() {
            // given
            occupancy.occupy(ROADMAP_ID, "1", "1.P2");
            TestExecutor<Roadmap> given = fixture.given(published(1, AXES));
            List<AxisDefinition> retitled = List.of(
                    new AxisDefinition("1", "Prévention", List.of(P11, new PriorityDefinition("1.P2", "Sécurité"))),
                    new AxisDefinition("2", "Accès aux soins", List.of(P21)));

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, TITLE, retitled, null));

            // then
            then.expectEvents(new RoadmapStructurePublished(ROADMAP_ID, 2, TITLE, retitled, TODAY));
        }

        @Test
        void the_structure_version_counts_every_publication() {
            // given
            List<AxisDefinition> first = List.of(new AxisDefinition("1", "Prévention", List.of(P11)));
            TestExecutor<Roadmap> given = fixture.given(published(1, first), published(2, AXES));

            // when
            ResultValidator<Roadmap> then = given.when(new PublishRoadmapStructure(ROADMAP_ID, TITLE, first, null));

            // then
            then.expectEvents(new RoadmapStructurePublished(ROADMAP_ID, 3, TITLE, first, TODAY))
                    .expectResultMessagePayload(2L);
        }
    }

    private static RoadmapStructurePublished published(int structureVersion, List<AxisDefinition> axes) {
        return new RoadmapStructurePublished(ROADMAP_ID, structureVersion, TITLE, axes, LAUNCHED_ON);
    }

    /** A {@link RuleViolation} of that rule, with no particular field at fault. */
    private static Matcher<Throwable> violation(Rule rule) {
        return violation(rule, null);
    }

    /** A {@link RuleViolation} of that rule, naming that field at fault. */
    private static Matcher<Throwable> violation(Rule rule, String field) {
        return new TypeSafeDiagnosingMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable actual, Description mismatch) {
                if (!(actual instanceof RuleViolation violation)) {
                    mismatch.appendText("was ").appendValue(actual);
                    return false;
                }
                mismatch.appendText("was a violation of ").appendValue(violation.rule())
                        .appendText(" on field ").appendValue(violation.field());
                return violation.rule() == rule && Objects.equals(violation.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation of ").appendValue(rule)
                        .appendText(" on field ").appendValue(field);
            }
        };
    }

    /** The priorities that hold objectives, as the test places them; remembers which ones the Roadmap asked about. */
    private static final class TestOccupancy implements PriorityOccupancy {

        private final Set<String> occupied = new HashSet<>();
        private final List<String> asked = new ArrayList<>();

        void occupy(RoadmapId roadmapId, String axis, String priority) {
            occupied.add(key(roadmapId, axis, priority));
        }

        List<String> asked() {
            return asked;
        }

        @Override
        public boolean holdsObjectives(RoadmapId roadmapId, String axis, String priority) {
            asked.add(key(roadmapId, axis, priority));
            return occupied.contains(key(roadmapId, axis, priority));
        }

        private static String key(RoadmapId roadmapId, String axis, String priority) {
            return roadmapId.value() + "/" + axis + "/" + priority;
        }
    }
}
