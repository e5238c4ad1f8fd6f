package org.roadmapledger.command.objective;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
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
import org.roadmapledger.api.objective.AmendObjective;
import org.roadmapledger.api.objective.AssignSponsor;
import org.roadmapledger.api.objective.DefineObjective;
import org.roadmapledger.api.objective.MarkMilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneAchievementRevoked;
import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.MilestonePlanned;
import org.roadmapledger.api.objective.MilestoneRescheduled;
import org.roadmapledger.api.objective.MoveObjective;
import org.roadmapledger.api.objective.ObjectiveAmended;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveMoved;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.PlanMilestone;
import org.roadmapledger.api.objective.ReportStatus;
import org.roadmapledger.api.objective.RescheduleMilestone;
import org.roadmapledger.api.objective.RevokeMilestoneAchievement;
import org.roadmapledger.api.objective.SponsorAssigned;
import org.roadmapledger.api.objective.StatusReported;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.command.rules.Rule;
import org.roadmapledger.command.rules.RuleViolation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

class ObjectiveTest {

    /** 22:30 UTC on June 30th is already July 1st in Paris (CEST, UTC+2): "today" is the Paris date. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-30T22:30:00Z"), ZoneOffset.UTC);
    private static final LocalDate TODAY = LocalDate.of(2025, 7, 1);
    private static final LocalDate TOMORROW = TODAY.plusDays(1);

    private static final RoadmapId ROADMAP_ID = RoadmapId.of("fr-digital-health-2023-2027");
    private static final ObjectiveId OBJECTIVE_ID = ObjectiveId.of("1.01");
    private static final LocalDate DEFINED_ON = LocalDate.of(2023, 5, 17);
    private static final LocalDate DAY_BEFORE_DEFINITION = DEFINED_ON.minusDays(1);
    private static final String TITLE = "Renforcer la gouvernance";
    private static final String DESCRIPTION = "Une gouvernance partagée";

    private static final MilestoneId M1 = MilestoneId.of("M1");
    private static final MilestoneId M2 = MilestoneId.of("M2");
    private static final LocalDate M1_PLANNED_ON = LocalDate.of(2023, 6, 1);
    private static final LocalDate M1_DUE_ON = LocalDate.of(2024, 3, 31);

    private FixtureConfiguration<Objective> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Objective.class);
        fixture.registerInjectableResource(new TestCatalog());
        fixture.registerInjectableResource(CLOCK);
        // The fixture re-sources the aggregate after each command and compares it with the working one; it compares
        // a map by its values' equals, and a Milestone is a mutable entity with identity equality. The milestones'
        // state is compared field by field in RestoringFromASnapshot instead.
        fixture.registerIgnoredField(Objective.class, "milestones");
    }

    @Nested
    class DefiningAnObjective {

        @Test
        void defining_an_objective_under_an_existing_priority_records_it() {
            // given
            TestExecutor<Objective> given = fixture.givenNoPriorActivity();

            // when
            ResultValidator<Objective> then = given.when(
                    new DefineObjective(OBJECTIVE_ID, "1", "1.P1", TITLE, DESCRIPTION, DEFINED_ON, null));

            // then
            then.expectSuccessfulHandlerExecution()
                    .expectEvents(defined())
                    .expectResultMessagePayload(OBJECTIVE_ID);
        }

        @Test
        void an_objective_defined_without_effective_date_takes_effect_today_in_paris() {
            // given
            TestExecutor<Objective> given = fixture.givenNoPriorActivity();

            // when
            ResultValidator<Objective> then = given.when(
                    new DefineObjective(OBJECTIVE_ID, "1", "1.P1", TITLE, null, null, null));

            // then
            then.expectEvents(new ObjectiveDefined(OBJECTIVE_ID, ROADMAP_ID, "1", "1.P1", TITLE, null, TODAY));
        }

        @Test
        void an_objective_may_take_effect_on_the_paris_date_while_it_is_still_the_day_before_in_utc() {
            // given
            TestExecutor<Objective> given = fixture.givenNoPriorActivity();

            // when
            ResultValidator<Objective> then = given.when(
                    new DefineObjective(OBJECTIVE_ID, "1", "1.P1", TITLE, null, TODAY, null));

            // then
            then.expectEvents(new ObjectiveDefined(OBJECTIVE_ID, ROADMAP_ID, "1", "1.P1", TITLE, null, TODAY));
        }

        @Test
        void a_blank_description_is_recorded_as_none() {
            // given
            TestExecutor<Objective> given = fixture.givenNoPriorActivity();

            // when
            ResultValidator<Objective> then = given.when(
                    new DefineObjective(OBJECTIVE_ID, "1", "1.P1", TITLE, "  ", DEFINED_ON, null));

            // then
            then.expectEvents(new ObjectiveDefined(OBJECTIVE_ID, ROADMAP_ID, "1", "1.P1", TITLE, null, DEFINED_ON));
        }

        @Test
        void defining_an_id_the_ledger_already_holds_is_refused_before_anything_is_appended() {
            // given
            TestExecutor<Objective> given = fixture.givenNoPriorActivity();

            // when
            ResultValidator<Objective> then = given.when(
                    new DefineObjective(TestCatalog.DEFINED_BEFORE, "1", "1.P1", TITLE, null, DEFINED_ON, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.DUPLICATE_OBJECTIVE))
                    .expectExceptionMessage(RuleViolation.duplicateObjective().getMessage());
        }

        @Test
        void defining_an_objective_under_an_unknown_priority_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.givenNoPriorActivity();

            // when
            ResultValidator<Objective> then = given.when(
                    new DefineObjective(OBJECTIVE_ID, "1", "1.P9", TITLE, null, DEFINED_ON, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.UNKNOWN_PRIORITY, "priority"))
                    .expectExceptionMessage(containsString("has no priority 1.P9 under axis 1"));
        }

        @Test
        void defining_an_objective_under_a_priority_of_another_axis_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.givenNoPriorActivity();

            // when
            ResultValidator<Objective> then = given.when(
                    new DefineObjective(OBJECTIVE_ID, "2", "1.P1", TITLE, null, DEFINED_ON, null));

            // then
            then.expectNoEvents().expectException(violation(Rule.UNKNOWN_PRIORITY, "priority"));
        }

        @Test
        void defining_an_objective_effective_in_the_future_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.givenNoPriorActivity();

            // when
            ResultValidator<Objective> then = given.when(
                    new DefineObjective(OBJECTIVE_ID, "1", "1.P1", TITLE, null, TOMORROW, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_IN_FUTURE, "effectiveOn"))
                    .expectExceptionMessage(containsString("must not be after 2025-07-01"));
        }
    }

    @Nested
    class AmendingAnObjective {

        @Test
        void an_official_title_replaces_a_provisional_one_even_in_the_same_words() {
            // given an objective whose title is a placeholder
            TestExecutor<Objective> given = fixture.given(new ObjectiveDefined(OBJECTIVE_ID, ROADMAP_ID, "1", "1.P1",
                    TITLE, DESCRIPTION, DEFINED_ON, true));

            // when the same words are given as the official title
            ResultValidator<Objective> then = given.when(new AmendObjective(OBJECTIVE_ID, TITLE, null, null, null));

            // then
            then.expectEvents(new ObjectiveAmended(OBJECTIVE_ID, TITLE, DESCRIPTION, TODAY, false));
        }

        @Test
        void amending_the_description_keeps_the_title_provisional() {
            // given
            TestExecutor<Objective> given = fixture.given(new ObjectiveDefined(OBJECTIVE_ID, ROADMAP_ID, "1", "1.P1",
                    TITLE, DESCRIPTION, DEFINED_ON, true));

            // when
            ResultValidator<Objective> then = given.when(new AmendObjective(OBJECTIVE_ID, null, "Autre description",
                    null, null));

            // then
            then.expectEvents(new ObjectiveAmended(OBJECTIVE_ID, TITLE, "Autre description", TODAY, true));
        }

        @Test
        void amending_a_title_only_to_mark_it_provisional_is_a_change() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new AmendObjective(OBJECTIVE_ID, TITLE, null, null, null,
                    true));

            // then
            then.expectEvents(new ObjectiveAmended(OBJECTIVE_ID, TITLE, DESCRIPTION, TODAY, true));
        }

        @Test
        void amending_the_title_records_it_with_the_description_in_force() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new AmendObjective(OBJECTIVE_ID, "Nouveau titre", null,
                    null, null));

            // then
            then.expectEvents(new ObjectiveAmended(OBJECTIVE_ID, "Nouveau titre", DESCRIPTION, TODAY))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void amending_the_description_records_it_with_the_title_in_force() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new AmendObjective(OBJECTIVE_ID, null, "Autre description",
                    null, null));

            // then
            then.expectEvents(new ObjectiveAmended(OBJECTIVE_ID, TITLE, "Autre description", TODAY))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void an_empty_description_clears_it() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new AmendObjective(OBJECTIVE_ID, null, "", null, null));

            // then
            then.expectEvents(new ObjectiveAmended(OBJECTIVE_ID, TITLE, null, TODAY));
        }

        @Test
        void amending_to_the_wording_in_force_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new AmendObjective(OBJECTIVE_ID, TITLE, DESCRIPTION, null,
                    null));

            // then
            then.expectNoEvents().expectException(violation(Rule.NOTHING_CHANGES));
        }

        @Test
        void an_amendment_that_names_no_field_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new AmendObjective(OBJECTIVE_ID, null, null, null, null));

            // then
            then.expectNoEvents().expectException(violation(Rule.NOTHING_CHANGES));
        }

        @Test
        void a_backdated_amendment_to_the_wording_in_force_on_that_date_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(),
                    new ObjectiveAmended(OBJECTIVE_ID, "Titre 2024", DESCRIPTION, LocalDate.of(2024, 1, 1)));

            // when
            ResultValidator<Objective> then = given.when(new AmendObjective(OBJECTIVE_ID, TITLE, null,
                    LocalDate.of(2023, 6, 1), null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.NOTHING_CHANGES))
                    .expectExceptionMessage(containsString("in force on 2023-06-01"));
        }

        @Test
        void a_backdated_amendment_keeps_the_fields_in_force_on_that_date() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(),
                    new ObjectiveAmended(OBJECTIVE_ID, "Titre 2024", DESCRIPTION, LocalDate.of(2024, 1, 1)));

            // when
            ResultValidator<Objective> then = given.when(new AmendObjective(OBJECTIVE_ID, null, "Corrigée",
                    LocalDate.of(2023, 6, 1), null));

            // then
            then.expectEvents(new ObjectiveAmended(OBJECTIVE_ID, TITLE, "Corrigée", LocalDate.of(2023, 6, 1)))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void an_amendment_effective_before_the_definition_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new AmendObjective(OBJECTIVE_ID, "Nouveau titre", null,
                    DAY_BEFORE_DEFINITION, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_OUT_OF_ORDER, "effectiveOn"))
                    .expectExceptionMessage(containsString("must not precede 2023-05-17"));
        }

        @Test
        void an_amendment_effective_in_the_future_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new AmendObjective(OBJECTIVE_ID, "Nouveau titre", null,
                    TOMORROW, null));

            // then
            then.expectNoEvents().expectException(violation(Rule.EFFECTIVE_DATE_IN_FUTURE, "effectiveOn"));
        }

        @Test
        void an_amendment_conditional_on_the_current_version_is_recorded() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), sponsorAssigned("ANS", null, DEFINED_ON));

            // when
            ResultValidator<Objective> then = given.when(new AmendObjective(OBJECTIVE_ID, "Nouveau titre", null,
                    null, 1L));

            // then
            then.expectEvents(new ObjectiveAmended(OBJECTIVE_ID, "Nouveau titre", DESCRIPTION, TODAY))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void an_amendment_conditional_on_a_stale_version_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), sponsorAssigned("ANS", null, DEFINED_ON));

            // when
            ResultValidator<Objective> then = given.when(new AmendObjective(OBJECTIVE_ID, "Nouveau titre", null,
                    null, 0L));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.STALE_VERSION))
                    .expectExceptionMessage(containsString("is at version 1, not 0"));
        }
    }

    @Nested
    class MovingAnObjective {

        @Test
        void moving_an_objective_records_its_previous_placement() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new MoveObjective(OBJECTIVE_ID, "2", "2.P1", null, null));

            // then
            then.expectEvents(new ObjectiveMoved(OBJECTIVE_ID, "2", "2.P1", "1", "1.P1", TODAY))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void moving_an_objective_under_an_unknown_priority_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new MoveObjective(OBJECTIVE_ID, "2", "2.P9", null, null));

            // then
            then.expectNoEvents().expectException(violation(Rule.UNKNOWN_PRIORITY, "priority"));
        }

        @Test
        void moving_an_objective_where_it_already_is_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new MoveObjective(OBJECTIVE_ID, "1", "1.P1", null, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.NOTHING_CHANGES))
                    .expectExceptionMessage(containsString("already under 1.P1"));
        }

        @Test
        void a_backdated_move_to_the_placement_in_force_on_that_date_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(),
                    new ObjectiveMoved(OBJECTIVE_ID, "1", "1.P2", "1", "1.P1", LocalDate.of(2024, 1, 1)));

            // when
            ResultValidator<Objective> then = given.when(new MoveObjective(OBJECTIVE_ID, "1", "1.P1",
                    LocalDate.of(2023, 6, 1), null));

            // then
            then.expectNoEvents().expectException(violation(Rule.NOTHING_CHANGES));
        }

        @Test
        void a_backdated_move_records_the_placement_in_force_on_that_date_as_previous() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(),
                    new ObjectiveMoved(OBJECTIVE_ID, "1", "1.P2", "1", "1.P1", LocalDate.of(2024, 1, 1)));

            // when
            ResultValidator<Objective> then = given.when(new MoveObjective(OBJECTIVE_ID, "1", "1.P2",
                    LocalDate.of(2023, 6, 1), null));

            // then
            then.expectEvents(new ObjectiveMoved(OBJECTIVE_ID, "1", "1.P2", "1", "1.P1", LocalDate.of(2023, 6, 1)))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void a_move_effective_before_the_definition_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new MoveObjective(OBJECTIVE_ID, "2", "2.P1",
                    DAY_BEFORE_DEFINITION, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_OUT_OF_ORDER, "effectiveOn"))
                    .expectExceptionMessage(containsString("must not precede 2023-05-17"));
        }

        @Test
        void a_move_effective_in_the_future_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new MoveObjective(OBJECTIVE_ID, "2", "2.P1", TOMORROW,
                    null));

            // then
            then.expectNoEvents().expectException(violation(Rule.EFFECTIVE_DATE_IN_FUTURE, "effectiveOn"));
        }

        @Test
        void a_move_conditional_on_a_stale_version_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new MoveObjective(OBJECTIVE_ID, "2", "2.P1", null, 3L));

            // then
            then.expectNoEvents().expectException(violation(Rule.STALE_VERSION));
        }
    }

    @Nested
    class AssigningASponsor {

        @Test
        void assigning_the_first_sponsor_records_no_previous_sponsor() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new AssignSponsor(OBJECTIVE_ID, "ANS", "Désigné", null,
                    null));

            // then
            then.expectEvents(new SponsorAssigned(OBJECTIVE_ID, "ANS", null, "Désigné", TODAY))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void assigning_another_sponsor_records_the_previous_one() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), sponsorAssigned("ANS", null, DEFINED_ON));

            // when
            ResultValidator<Objective> then = given.when(new AssignSponsor(OBJECTIVE_ID, "DNS", "  ", null, null));

            // then
            then.expectEvents(new SponsorAssigned(OBJECTIVE_ID, "DNS", "ANS", null, TODAY))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void assigning_the_current_sponsor_again_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), sponsorAssigned("ANS", null, DEFINED_ON));

            // when
            ResultValidator<Objective> then = given.when(new AssignSponsor(OBJECTIVE_ID, "ANS", null, null, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.NOTHING_CHANGES, "sponsor"))
                    .expectExceptionMessage(containsString("ANS is already the sponsor on 2025-07-01"));
        }

        @Test
        void assigning_on_a_backdated_date_the_sponsor_in_force_on_that_date_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(),
                    sponsorAssigned("ANS", null, LocalDate.of(2024, 1, 1)),
                    sponsorAssigned("DNS", "ANS", LocalDate.of(2025, 1, 1)));

            // when
            ResultValidator<Objective> then = given.when(new AssignSponsor(OBJECTIVE_ID, "ANS", null,
                    LocalDate.of(2024, 6, 1), null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.NOTHING_CHANGES, "sponsor"))
                    .expectExceptionMessage(containsString("ANS is already the sponsor on 2024-06-01"));
        }

        @Test
        void a_backdated_assignment_records_the_sponsor_in_force_on_that_date_as_previous() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(),
                    sponsorAssigned("ANS", null, LocalDate.of(2024, 1, 1)),
                    sponsorAssigned("DNS", "ANS", LocalDate.of(2025, 1, 1)));

            // when
            ResultValidator<Objective> then = given.when(new AssignSponsor(OBJECTIVE_ID, "DNS", "Correction",
                    LocalDate.of(2024, 6, 1), null));

            // then
            then.expectEvents(new SponsorAssigned(OBJECTIVE_ID, "DNS", "ANS", "Correction", LocalDate.of(2024, 6, 1)))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void a_backdated_assignment_before_any_sponsor_records_no_previous_sponsor() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(),
                    sponsorAssigned("ANS", null, LocalDate.of(2024, 1, 1)));

            // when
            ResultValidator<Objective> then = given.when(new AssignSponsor(OBJECTIVE_ID, "CNAM", null, DEFINED_ON,
                    null));

            // then
            then.expectEvents(new SponsorAssigned(OBJECTIVE_ID, "CNAM", null, null, DEFINED_ON));
        }

        @Test
        void an_assignment_effective_before_the_definition_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new AssignSponsor(OBJECTIVE_ID, "ANS", null,
                    DAY_BEFORE_DEFINITION, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_OUT_OF_ORDER, "effectiveOn"))
                    .expectExceptionMessage(containsString("must not precede 2023-05-17"));
        }

        @Test
        void an_assignment_effective_in_the_future_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new AssignSponsor(OBJECTIVE_ID, "ANS", null, TOMORROW,
                    null));

            // then
            then.expectNoEvents().expectException(violation(Rule.EFFECTIVE_DATE_IN_FUTURE, "effectiveOn"));
        }

        @Test
        void an_assignment_conditional_on_a_stale_version_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), sponsorAssigned("ANS", null, DEFINED_ON));

            // when
            ResultValidator<Objective> then = given.when(new AssignSponsor(OBJECTIVE_ID, "DNS", null, null, 0L));

            // then
            then.expectNoEvents().expectException(violation(Rule.STALE_VERSION));
        }
    }

    @Nested
    class ReportingAStatus {

        @Test
        void reporting_a_status_records_it() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new ReportStatus(OBJECTIVE_ID, ObjectiveStatus.ON_TRACK, 40,
                    "En bonne voie", null, null));

            // then
            then.expectEvents(new StatusReported(OBJECTIVE_ID, ObjectiveStatus.ON_TRACK, 40, "En bonne voie", TODAY))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void reporting_the_same_status_again_is_recorded() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(),
                    new StatusReported(OBJECTIVE_ID, ObjectiveStatus.AT_RISK, null, null, LocalDate.of(2025, 1, 1)));

            // when
            ResultValidator<Objective> then = given.when(new ReportStatus(OBJECTIVE_ID, ObjectiveStatus.AT_RISK, null,
                    " ", null, null));

            // then
            then.expectEvents(new StatusReported(OBJECTIVE_ID, ObjectiveStatus.AT_RISK, null, null, TODAY))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void a_status_report_may_be_backdated_to_the_definition_date() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(),
                    new StatusReported(OBJECTIVE_ID, ObjectiveStatus.LATE, 10, null, LocalDate.of(2025, 1, 1)));

            // when
            ResultValidator<Objective> then = given.when(new ReportStatus(OBJECTIVE_ID, ObjectiveStatus.NOT_STARTED,
                    0, "Correction", DEFINED_ON, null));

            // then
            then.expectEvents(new StatusReported(OBJECTIVE_ID, ObjectiveStatus.NOT_STARTED, 0, "Correction",
                    DEFINED_ON));
        }

        @Test
        void a_status_report_effective_before_the_definition_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new ReportStatus(OBJECTIVE_ID, ObjectiveStatus.ON_TRACK, null,
                    null, DAY_BEFORE_DEFINITION, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_OUT_OF_ORDER, "effectiveOn"))
                    .expectExceptionMessage(containsString("must not precede 2023-05-17"));
        }

        @Test
        void a_status_report_effective_in_the_future_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new ReportStatus(OBJECTIVE_ID, ObjectiveStatus.ON_TRACK, null,
                    null, TOMORROW, null));

            // then
            then.expectNoEvents().expectException(violation(Rule.EFFECTIVE_DATE_IN_FUTURE, "effectiveOn"));
        }

        @Test
        void a_status_report_conditional_on_a_stale_version_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new ReportStatus(OBJECTIVE_ID, ObjectiveStatus.ON_TRACK, null,
                    null, null, 1L));

            // then
            then.expectNoEvents().expectException(violation(Rule.STALE_VERSION));
        }
    }

    @Nested
    class PlanningAMilestone {

        @Test
        void planning_a_milestone_records_it() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new PlanMilestone(OBJECTIVE_ID, M1, "Cadre publié", M1_DUE_ON,
                    M1_PLANNED_ON, null));

            // then
            then.expectEvents(new MilestonePlanned(OBJECTIVE_ID, M1, "Cadre publié", M1_DUE_ON, M1_PLANNED_ON))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void planning_a_milestone_that_already_exists_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new PlanMilestone(OBJECTIVE_ID, M1, "Autre", M1_DUE_ON, null,
                    null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.DUPLICATE_MILESTONE, "milestoneId"))
                    .expectExceptionMessage(containsString("milestone M1 already exists in objective 1.01"));
        }

        @Test
        void a_milestone_effective_before_the_definition_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new PlanMilestone(OBJECTIVE_ID, M1, "Cadre publié", M1_DUE_ON,
                    DAY_BEFORE_DEFINITION, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_OUT_OF_ORDER, "effectiveOn"))
                    .expectExceptionMessage(containsString("must not precede 2023-05-17"));
        }

        @Test
        void a_milestone_effective_in_the_future_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined());

            // when
            ResultValidator<Objective> then = given.when(new PlanMilestone(OBJECTIVE_ID, M1, "Cadre publié", M1_DUE_ON,
                    TOMORROW, null));

            // then
            then.expectNoEvents().expectException(violation(Rule.EFFECTIVE_DATE_IN_FUTURE, "effectiveOn"));
        }

        @Test
        void planning_a_milestone_conditional_on_a_stale_version_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new PlanMilestone(OBJECTIVE_ID, M2, "Bilan", M1_DUE_ON, null,
                    0L));

            // then
            then.expectNoEvents().expectException(violation(Rule.STALE_VERSION));
        }
    }

    @Nested
    class ReschedulingAMilestone {

        @Test
        void rescheduling_a_milestone_records_the_previous_due_date() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new RescheduleMilestone(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 6, 30), "Retard du fournisseur", null, null));

            // then
            then.expectEvents(new MilestoneRescheduled(OBJECTIVE_ID, M1, LocalDate.of(2024, 6, 30), M1_DUE_ON,
                            "Retard du fournisseur", TODAY))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void rescheduling_an_unknown_milestone_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new RescheduleMilestone(OBJECTIVE_ID, M2,
                    LocalDate.of(2024, 6, 30), "Retard", null, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.UNKNOWN_MILESTONE, "milestoneId"))
                    .expectExceptionMessage(containsString("objective 1.01 has no milestone M2"));
        }

        @Test
        void rescheduling_a_milestone_to_its_due_date_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new RescheduleMilestone(OBJECTIVE_ID, M1, M1_DUE_ON, "Rien",
                    null, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.NOTHING_CHANGES, "dueOn"))
                    .expectExceptionMessage(containsString("already due on 2024-03-31"));
        }

        @Test
        void rescheduling_an_achieved_milestone_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned(),
                    m1Achieved(LocalDate.of(2024, 3, 15)));

            // when
            ResultValidator<Objective> then = given.when(new RescheduleMilestone(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 6, 30), "Retard", null, null));

            // then
            then.expectNoEvents().expectException(violation(Rule.MILESTONE_ACHIEVED));
        }

        @Test
        void a_milestone_whose_achievement_was_revoked_may_be_rescheduled() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned(),
                    m1Achieved(LocalDate.of(2024, 3, 15)), m1Revoked(LocalDate.of(2024, 4, 1)));

            // when
            ResultValidator<Objective> then = given.when(new RescheduleMilestone(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 6, 30), "Livrable refusé", LocalDate.of(2024, 4, 1), null));

            // then
            then.expectEvents(new MilestoneRescheduled(OBJECTIVE_ID, M1, LocalDate.of(2024, 6, 30), M1_DUE_ON,
                            "Livrable refusé", LocalDate.of(2024, 4, 1)))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void a_rescheduling_effective_on_the_planning_date_is_recorded() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new RescheduleMilestone(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 6, 30), "Erreur de saisie", M1_PLANNED_ON, null));

            // then
            then.expectEvents(new MilestoneRescheduled(OBJECTIVE_ID, M1, LocalDate.of(2024, 6, 30), M1_DUE_ON,
                    "Erreur de saisie", M1_PLANNED_ON));
        }

        @Test
        void a_rescheduling_effective_before_the_milestone_was_planned_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new RescheduleMilestone(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 6, 30), "Retard", M1_PLANNED_ON.minusDays(1), null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_OUT_OF_ORDER, "effectiveOn"))
                    .expectExceptionMessage(containsString("must not precede 2023-06-01"));
        }

        @Test
        void a_rescheduling_effective_before_the_previous_rescheduling_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned(),
                    m1Rescheduled(LocalDate.of(2024, 6, 30), LocalDate.of(2024, 2, 1)));

            // when
            ResultValidator<Objective> then = given.when(new RescheduleMilestone(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 9, 30), "Retard", LocalDate.of(2024, 1, 31), null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_OUT_OF_ORDER, "effectiveOn"))
                    .expectExceptionMessage(containsString("must not precede 2024-02-01"));
        }

        @Test
        void a_rescheduling_effective_before_the_definition_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new RescheduleMilestone(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 6, 30), "Retard", DAY_BEFORE_DEFINITION, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_OUT_OF_ORDER, "effectiveOn"))
                    .expectExceptionMessage(containsString("must not precede 2023-05-17"));
        }

        @Test
        void a_rescheduling_effective_in_the_future_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new RescheduleMilestone(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 6, 30), "Retard", TOMORROW, null));

            // then
            then.expectNoEvents().expectException(violation(Rule.EFFECTIVE_DATE_IN_FUTURE, "effectiveOn"));
        }

        @Test
        void a_rescheduling_conditional_on_a_stale_version_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new RescheduleMilestone(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 6, 30), "Retard", null, 0L));

            // then
            then.expectNoEvents().expectException(violation(Rule.STALE_VERSION));
        }
    }

    @Nested
    class MarkingAMilestoneAchieved {

        @Test
        void an_unknown_milestone_is_refused_as_unknown_whatever_its_date_and_expected_version() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new MarkMilestoneAchieved(OBJECTIVE_ID,
                    MilestoneId.of("M9"), DAY_BEFORE_DEFINITION, null, 99L));

            // then existence comes first: 404, not an effective date out of order, nor a stale version
            then.expectNoEvents().expectException(violation(Rule.UNKNOWN_MILESTONE, "milestoneId"));
        }

        @Test
        void marking_a_milestone_achieved_records_the_achievement_date_as_effective_date() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new MarkMilestoneAchieved(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 3, 15), "https://example.org/cadre.pdf", null));

            // then
            then.expectEvents(new MilestoneAchieved(OBJECTIVE_ID, M1, LocalDate.of(2024, 3, 15),
                            "https://example.org/cadre.pdf", LocalDate.of(2024, 3, 15)))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void marking_an_achieved_milestone_achieved_again_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned(),
                    m1Achieved(LocalDate.of(2024, 3, 15)));

            // when
            ResultValidator<Objective> then = given.when(new MarkMilestoneAchieved(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 3, 20), null, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.MILESTONE_ACHIEVED))
                    .expectExceptionMessage(containsString("milestone M1 is already achieved"));
        }

        @Test
        void marking_an_unknown_milestone_achieved_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new MarkMilestoneAchieved(OBJECTIVE_ID, M2,
                    LocalDate.of(2024, 3, 15), null, null));

            // then
            then.expectNoEvents().expectException(violation(Rule.UNKNOWN_MILESTONE, "milestoneId"));
        }

        @Test
        void an_achievement_on_the_date_of_the_last_rescheduling_is_recorded() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned(),
                    m1Rescheduled(LocalDate.of(2024, 6, 30), LocalDate.of(2024, 2, 1)));

            // when
            ResultValidator<Objective> then = given.when(new MarkMilestoneAchieved(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 2, 1), null, null));

            // then
            then.expectEvents(new MilestoneAchieved(OBJECTIVE_ID, M1, LocalDate.of(2024, 2, 1), null,
                    LocalDate.of(2024, 2, 1)));
        }

        @Test
        void an_achievement_before_the_milestone_was_planned_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new MarkMilestoneAchieved(OBJECTIVE_ID, M1,
                    M1_PLANNED_ON.minusDays(1), null, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_OUT_OF_ORDER, "achievedOn"))
                    .expectExceptionMessage(containsString("achievedOn 2023-05-31 must not precede 2023-06-01"));
        }

        @Test
        void an_achievement_before_the_last_rescheduling_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned(),
                    m1Rescheduled(LocalDate.of(2024, 6, 30), LocalDate.of(2024, 2, 1)));

            // when
            ResultValidator<Objective> then = given.when(new MarkMilestoneAchieved(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 1, 15), null, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_OUT_OF_ORDER, "achievedOn"))
                    .expectExceptionMessage(containsString("must not precede 2024-02-01"));
        }

        @Test
        void a_milestone_whose_achievement_was_revoked_may_be_achieved_again() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned(),
                    m1Achieved(LocalDate.of(2024, 3, 15)), m1Revoked(LocalDate.of(2024, 4, 1)));

            // when
            ResultValidator<Objective> then = given.when(new MarkMilestoneAchieved(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 4, 10), "Version corrigée", null));

            // then
            then.expectEvents(new MilestoneAchieved(OBJECTIVE_ID, M1, LocalDate.of(2024, 4, 10), "Version corrigée",
                            LocalDate.of(2024, 4, 10)))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void achieving_again_before_the_revocation_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned(),
                    m1Achieved(LocalDate.of(2024, 3, 15)), m1Revoked(LocalDate.of(2024, 4, 1)));

            // when
            ResultValidator<Objective> then = given.when(new MarkMilestoneAchieved(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 3, 20), null, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_OUT_OF_ORDER, "achievedOn"))
                    .expectExceptionMessage(containsString("must not precede 2024-04-01"));
        }

        @Test
        void an_achievement_before_the_definition_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new MarkMilestoneAchieved(OBJECTIVE_ID, M1,
                    DAY_BEFORE_DEFINITION, null, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_OUT_OF_ORDER, "achievedOn"))
                    .expectExceptionMessage(containsString("must not precede 2023-05-17"));
        }

        @Test
        void an_achievement_in_the_future_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new MarkMilestoneAchieved(OBJECTIVE_ID, M1, TOMORROW, null,
                    null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_IN_FUTURE, "achievedOn"))
                    .expectExceptionMessage(containsString("achievedOn 2025-07-02 is in the future"));
        }

        @Test
        void an_achievement_conditional_on_the_current_version_is_recorded() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new MarkMilestoneAchieved(OBJECTIVE_ID, M1, TODAY, null,
                    1L));

            // then
            then.expectEvents(new MilestoneAchieved(OBJECTIVE_ID, M1, TODAY, null, TODAY))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void an_achievement_conditional_on_a_stale_version_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new MarkMilestoneAchieved(OBJECTIVE_ID, M1, TODAY, null,
                    0L));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.STALE_VERSION))
                    .expectExceptionMessage(containsString("is at version 1, not 0"));
        }
    }

    @Nested
    class RevokingAMilestoneAchievement {

        @Test
        void revoking_an_achievement_records_it() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned(),
                    m1Achieved(LocalDate.of(2024, 3, 15)));

            // when
            ResultValidator<Objective> then = given.when(new RevokeMilestoneAchievement(OBJECTIVE_ID, M1,
                    "Livrable refusé", null, null));

            // then
            then.expectEvents(new MilestoneAchievementRevoked(OBJECTIVE_ID, M1, "Livrable refusé", TODAY))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void revoking_the_achievement_of_a_milestone_not_achieved_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new RevokeMilestoneAchievement(OBJECTIVE_ID, M1, "Erreur",
                    null, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.MILESTONE_NOT_ACHIEVED))
                    .expectExceptionMessage(containsString("milestone M1 is not achieved"));
        }

        @Test
        void revoking_an_achievement_already_revoked_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned(),
                    m1Achieved(LocalDate.of(2024, 3, 15)), m1Revoked(LocalDate.of(2024, 4, 1)));

            // when
            ResultValidator<Objective> then = given.when(new RevokeMilestoneAchievement(OBJECTIVE_ID, M1, "Erreur",
                    null, null));

            // then
            then.expectNoEvents().expectException(violation(Rule.MILESTONE_NOT_ACHIEVED));
        }

        @Test
        void revoking_the_achievement_of_an_unknown_milestone_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned());

            // when
            ResultValidator<Objective> then = given.when(new RevokeMilestoneAchievement(OBJECTIVE_ID, M2, "Erreur",
                    null, null));

            // then
            then.expectNoEvents().expectException(violation(Rule.UNKNOWN_MILESTONE, "milestoneId"));
        }

        @Test
        void a_revocation_on_the_achievement_date_is_recorded() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned(),
                    m1Achieved(LocalDate.of(2024, 3, 15)));

            // when
            ResultValidator<Objective> then = given.when(new RevokeMilestoneAchievement(OBJECTIVE_ID, M1, "Erreur",
                    LocalDate.of(2024, 3, 15), null));

            // then
            then.expectEvents(new MilestoneAchievementRevoked(OBJECTIVE_ID, M1, "Erreur", LocalDate.of(2024, 3, 15)));
        }

        @Test
        void a_revocation_effective_before_the_achievement_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned(),
                    m1Achieved(LocalDate.of(2024, 3, 15)));

            // when
            ResultValidator<Objective> then = given.when(new RevokeMilestoneAchievement(OBJECTIVE_ID, M1, "Erreur",
                    LocalDate.of(2024, 3, 14), null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_OUT_OF_ORDER, "effectiveOn"))
                    .expectExceptionMessage(containsString("must not precede 2024-03-15"));
        }

        @Test
        void a_revocation_effective_before_the_definition_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned(),
                    m1Achieved(LocalDate.of(2024, 3, 15)));

            // when
            ResultValidator<Objective> then = given.when(new RevokeMilestoneAchievement(OBJECTIVE_ID, M1, "Erreur",
                    DAY_BEFORE_DEFINITION, null));

            // then
            then.expectNoEvents()
                    .expectException(violation(Rule.EFFECTIVE_DATE_OUT_OF_ORDER, "effectiveOn"))
                    .expectExceptionMessage(containsString("must not precede 2023-05-17"));
        }

        @Test
        void a_revocation_effective_in_the_future_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned(),
                    m1Achieved(LocalDate.of(2024, 3, 15)));

            // when
            ResultValidator<Objective> then = given.when(new RevokeMilestoneAchievement(OBJECTIVE_ID, M1, "Erreur",
                    TOMORROW, null));

            // then
            then.expectNoEvents().expectException(violation(Rule.EFFECTIVE_DATE_IN_FUTURE, "effectiveOn"));
        }

        @Test
        void a_revocation_conditional_on_a_stale_version_is_refused() {
            // given
            TestExecutor<Objective> given = fixture.given(defined(), m1Planned(),
                    m1Achieved(LocalDate.of(2024, 3, 15)));

            // when
            ResultValidator<Objective> then = given.when(new RevokeMilestoneAchievement(OBJECTIVE_ID, M1, "Erreur",
                    null, 1L));

            // then
            then.expectNoEvents().expectException(violation(Rule.STALE_VERSION));
        }
    }

    /**
     * A snapshot is the aggregate serialized by the general (Jackson) serializer. Axon's
     * {@code GenericAggregateFactory} restores an aggregate from a first event whose payload is the aggregate
     * itself: giving the fixture the deserialized aggregate as first event takes that production path, then the
     * events after the snapshot (sequence numbers in the fixture restart at 0 with the snapshot).
     */
    @Nested
    class RestoringFromASnapshot {

        private final JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().findAndRegisterModules()
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES))
                .build();

        @BeforeEach
        void restoreWithoutResourcing() {
            // The restored aggregate is the snapshot event's payload itself: re-sourcing it to look for illegal state
            // changes would replay the events on that same, already changed, instance.
            fixture.setReportIllegalStateChange(false);
        }

        @Test
        void an_objective_snapshot_round_trips_through_the_jackson_serializer() {
            // given
            Objective objective = objectiveWithHistory();

            // when
            SerializedObject<String> snapshot = serializer.serialize(objective, String.class);
            Objective restored = serializer.deserialize(snapshot);

            // then
            assertThat(snapshot.getData()).contains("\"definedOn\":\"2023-05-17\"").doesNotContain("[2023,5,17]");
            assertThat(restored).usingRecursiveComparison().isEqualTo(objective);
            assertThat(serializer.serialize(restored, String.class).getData()).isEqualTo(snapshot.getData());
        }

        @Test
        void a_restored_objective_refuses_a_duplicate_milestone() {
            // given
            TestExecutor<Objective> given = fixture.given(restoredSnapshot());

            // when
            ResultValidator<Objective> then = given.when(new PlanMilestone(OBJECTIVE_ID, M2, "Bilan",
                    LocalDate.of(2026, 1, 31), null, null));

            // then
            then.expectNoEvents().expectException(violation(Rule.DUPLICATE_MILESTONE, "milestoneId"));
        }

        @Test
        void a_restored_objective_refuses_to_reschedule_an_achieved_milestone() {
            // given
            TestExecutor<Objective> given = fixture.given(restoredSnapshot());

            // when
            ResultValidator<Objective> then = given.when(new RescheduleMilestone(OBJECTIVE_ID, M1,
                    LocalDate.of(2024, 6, 30), "Retard", null, null));

            // then
            then.expectNoEvents().expectException(violation(Rule.MILESTONE_ACHIEVED));
        }

        @Test
        void a_restored_objective_checks_a_backdated_sponsor_against_the_one_in_force_on_that_date() {
            // given
            TestExecutor<Objective> given = fixture.given(restoredSnapshot());

            // when
            ResultValidator<Objective> then = given.when(new AssignSponsor(OBJECTIVE_ID, "ANS", null,
                    LocalDate.of(2024, 6, 1), null));

            // then
            then.expectNoEvents().expectException(violation(Rule.NOTHING_CHANGES, "sponsor"));
        }

        @Test
        void a_restored_objective_decides_with_the_events_that_follow_the_snapshot() {
            // given
            TestExecutor<Objective> given = fixture.given(restoredSnapshot(),
                    sponsorAssigned("CNAM", "DNS", LocalDate.of(2025, 3, 1)));

            // when
            ResultValidator<Objective> then = given.when(new AssignSponsor(OBJECTIVE_ID, "DNS", null, null, 1L));

            // then
            then.expectEvents(new SponsorAssigned(OBJECTIVE_ID, "DNS", "CNAM", null, TODAY))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void a_restored_objective_keeps_the_placement_and_wording_by_effective_date() {
            // given
            TestExecutor<Objective> given = fixture.given(restoredSnapshot());

            // when
            ResultValidator<Objective> then = given.when(new MoveObjective(OBJECTIVE_ID, "2", "2.P1",
                    LocalDate.of(2023, 6, 1), null));

            // then
            then.expectEvents(new ObjectiveMoved(OBJECTIVE_ID, "2", "2.P1", "1", "1.P1", LocalDate.of(2023, 6, 1)));
        }

        private Objective restoredSnapshot() {
            return serializer.deserialize(serializer.serialize(objectiveWithHistory(), byte[].class));
        }

        /** An objective with something in every part of its state, sourced through its own handlers. */
        private Objective objectiveWithHistory() {
            Objective objective = new Objective();
            objective.on(defined());
            objective.on(new ObjectiveAmended(OBJECTIVE_ID, "Titre 2024", null, LocalDate.of(2024, 1, 1)));
            objective.on(new ObjectiveMoved(OBJECTIVE_ID, "1", "1.P2", "1", "1.P1", LocalDate.of(2024, 1, 1)));
            objective.on(sponsorAssigned("ANS", null, LocalDate.of(2024, 1, 1)));
            objective.on(sponsorAssigned("DNS", "ANS", LocalDate.of(2025, 1, 1)));
            objective.on(m1Planned());
            objective.on(m1Rescheduled(LocalDate.of(2024, 6, 30), LocalDate.of(2024, 2, 1)));
            objective.on(m1Achieved(LocalDate.of(2024, 3, 15)));
            objective.on(new MilestonePlanned(OBJECTIVE_ID, M2, "Bilan", LocalDate.of(2025, 12, 31),
                    LocalDate.of(2024, 1, 1)));
            return objective;
        }
    }

    private static ObjectiveDefined defined() {
        return new ObjectiveDefined(OBJECTIVE_ID, ROADMAP_ID, "1", "1.P1", TITLE, DESCRIPTION, DEFINED_ON);
    }

    private static SponsorAssigned sponsorAssigned(String sponsor, String previousSponsor, LocalDate effectiveOn) {
        return new SponsorAssigned(OBJECTIVE_ID, sponsor, previousSponsor, null, effectiveOn);
    }

    private static MilestonePlanned m1Planned() {
        return new MilestonePlanned(OBJECTIVE_ID, M1, "Cadre publié", M1_DUE_ON, M1_PLANNED_ON);
    }

    private static MilestoneRescheduled m1Rescheduled(LocalDate dueOn, LocalDate effectiveOn) {
        return new MilestoneRescheduled(OBJECTIVE_ID, M1, dueOn, M1_DUE_ON, "Retard", effectiveOn);
    }

    private static MilestoneAchieved m1Achieved(LocalDate achievedOn) {
        return new MilestoneAchieved(OBJECTIVE_ID, M1, achievedOn, null, achievedOn);
    }

    private static MilestoneAchievementRevoked m1Revoked(LocalDate effectiveOn) {
        return new MilestoneAchievementRevoked(OBJECTIVE_ID, M1, "Livrable refusé", effectiveOn);
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

    /** The roadmap structure in force: axis 1 with priorities 1.P1 and 1.P2, axis 2 with 2.P1. */
    private static final class TestCatalog implements RoadmapCatalog {

        private static final Set<String> PRIORITIES = Set.of("1/1.P1", "1/1.P2", "2/2.P1");

        @Override
        public RoadmapId roadmapId() {
            return ROADMAP_ID;
        }

        @Override
        public boolean hasPriority(String axis, String priority) {
            return PRIORITIES.contains(axis + "/" + priority);
        }

        /** The one objective the ledger holds besides the fixture's own. */
        static final ObjectiveId DEFINED_BEFORE = ObjectiveId.of("2.01");

        @Override
        public boolean hasObjective(ObjectiveId objectiveId) {
            return objectiveId.equals(DEFINED_BEFORE);
        }
    }
}
