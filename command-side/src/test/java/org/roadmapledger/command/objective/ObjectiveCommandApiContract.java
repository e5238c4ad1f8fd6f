package org.roadmapledger.command.objective;

import org.roadmapledger.platform.security.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.roadmapledger.api.roadmap.PublishRoadmapStructure;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.command.objective.CommandApiClient.ApiResponse;
import org.roadmapledger.command.rules.EffectiveDates;
import org.roadmapledger.command.rules.Rule;
import org.roadmapledger.command.rules.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The command API (DESIGN.md, "REST API"), spoken to over real HTTP on a running server whose event store is a
 * real PostgreSQL. Each concrete subclass chooses the database and declares one {@code @Nested} class per group
 * below: Spring finds a nested test's configuration on the class that encloses it, so the groups must be nested
 * in the concrete class, not here.
 * <p>
 * Every test works on objectives of its own (random ids), so the tests are independent of each other and of
 * what the database already holds; "nothing recorded" is checked on the whole event table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.import-on-startup=false")
abstract class ObjectiveCommandApiContract {

    static final String ROADMAP_ID = "fr-digital-health-2023-2027";
    static final String OBJECTIVES = "/api/objectives";
    static final LocalDate DEFINED_ON = LocalDate.of(2024, 1, 10);
    static final String PROBLEM_JSON = "application/problem+json";

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commandGateway;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcTemplate jdbc;

    CommandApiClient api;

    @BeforeEach
    void publishTheRoadmapStructure() {
        api = new CommandApiClient(port);
        PublishRoadmapStructure structure = new PublishRoadmapStructure(RoadmapId.of(ROADMAP_ID),
                "Feuille de route du numérique en santé 2023-2027", List.of(
                new AxisDefinition("1", "Axe 1", List.of(new PriorityDefinition("1.P1", "Priorité 1.P1"),
                        new PriorityDefinition("1.P2", "Priorité 1.P2"))),
                new AxisDefinition("2", "Axe 2", List.of(new PriorityDefinition("2.P1", "Priorité 2.P1")))),
                LocalDate.of(2023, 5, 17));
        try {
            commandGateway.sendAndWait(structure);
        } catch (RuntimeException e) {
            // The Spring context, and so the database, is shared by every test: published once is enough.
            if (!(e instanceof RuleViolation violation && violation.rule() == Rule.NOTHING_CHANGES)) {
                throw e;
            }
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // Success: one group per endpoint
    // ----------------------------------------------------------------------------------------------------------

    abstract class DefineObjectiveSpec {

        @Test
        void defining_an_objective_answers_201_with_its_location_version_and_etag() {
            // given
            String id = newObjectiveId();

            // when
            ApiResponse response = api.post(OBJECTIVES).send(Map.of("objectiveId", id, "axis", "1",
                    "priority", "1.P1", "title", "Renforcer la gouvernance", "effectiveOn", DEFINED_ON.toString()));

            // then
            assertSuccess(response, 201, id, 0);
            assertThat(URI.create(response.header("Location")).getPath()).isEqualTo(OBJECTIVES + "/" + id);
        }

        @Test
        void the_definition_is_recorded_with_the_actor_the_correlation_id_and_the_recording_time() {
            // given
            String id = newObjectiveId();
            // Axon keeps recording times to the millisecond
            Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

            // when
            ApiResponse response = api.post(OBJECTIVES).actor("programme-office@ans.fr").correlationId("corr-" + id)
                    .send(Map.of("objectiveId", id, "axis", "1", "priority", "1.P2",
                            "title", "Renforcer la gouvernance", "description", "Une gouvernance partagée",
                            "effectiveOn", "2024-01-10"));

            // then
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.header("X-Correlation-Id")).isEqualTo("corr-" + id);
            List<DomainEventMessage<?>> events = events(id);
            assertThat(events).hasSize(1);
            DomainEventMessage<?> defined = events.get(0);
            assertThat(defined.getSequenceNumber()).isZero();
            assertThat(defined.getPayload()).isEqualTo(new ObjectiveDefined(ObjectiveId.of(id),
                    RoadmapId.of(ROADMAP_ID), "1", "1.P2", "Renforcer la gouvernance", "Une gouvernance partagée",
                    DEFINED_ON));
            assertMetadata(defined, "programme-office@ans.fr", "corr-" + id, null);
            assertThat(defined.getTimestamp()).isBetween(before, Instant.now());
        }

        @Test
        void without_headers_the_actor_is_the_tokens_the_correlation_id_is_generated_and_the_date_is_today() {
            // given
            String id = newObjectiveId();
            LocalDate todayBefore = todayInParis();

            // when
            ApiResponse response = api.post(OBJECTIVES)
                    .send(Map.of("objectiveId", id, "axis", "2", "priority", "2.P1", "title", "Interopérabilité"));

            // then
            assertSuccess(response, 201, id, 0);
            String correlationId = response.header("X-Correlation-Id");
            assertThat(correlationId).isNotBlank();
            DomainEventMessage<?> defined = lastEvent(id);
            assertMetadata(defined, "programme-office", correlationId, null);
            assertThat(((ObjectiveDefined) defined.getPayload()).effectiveOn()).isBetween(todayBefore, todayInParis());
        }

        @Test
        void a_malformed_correlation_id_is_replaced_by_a_generated_one_that_the_events_carry() {
            // given
            String id = newObjectiveId();

            // when
            ApiResponse response = api.post(OBJECTIVES).correlationId("not a well-formed id!")
                    .send(defineBody(id));

            // then
            assertThat(response.status()).isEqualTo(201);
            String correlationId = response.header("X-Correlation-Id");
            assertThat(correlationId).isNotEqualTo("not a well-formed id!").isNotBlank();
            assertThat(lastEvent(id).getMetaData().get("correlationId")).isEqualTo(correlationId);
        }
    }

    abstract class AmendObjectiveSpec {

        @Test
        void amending_an_objective_answers_200_and_records_the_new_wording() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = api.patch(objective(id)).actor("alice").idempotencyKey("amend-" + id)
                    .send(Map.of("title", "Nouveau titre", "effectiveOn", "2024-02-01"));

            // then
            assertSuccess(response, 200, id, 1);
            DomainEventMessage<?> amended = lastEvent(id);
            assertThat(amended.getSequenceNumber()).isEqualTo(1);
            assertThat(amended.getPayload()).isEqualTo(new ObjectiveAmended(ObjectiveId.of(id), "Nouveau titre",
                    null, LocalDate.of(2024, 2, 1)));
            assertMetadata(amended, "alice", response.header("X-Correlation-Id"), "amend-" + id);
        }
    }

    abstract class MoveObjectiveSpec {

        @Test
        void moving_an_objective_answers_200_and_records_the_previous_placement() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = api.put(objective(id) + "/placement").actor("bob")
                    .send(Map.of("axis", "2", "priority", "2.P1", "effectiveOn", "2024-03-01"));

            // then
            assertSuccess(response, 200, id, 1);
            DomainEventMessage<?> moved = lastEvent(id);
            assertThat(moved.getPayload()).isEqualTo(new ObjectiveMoved(ObjectiveId.of(id), "2", "2.P1", "1", "1.P1",
                    LocalDate.of(2024, 3, 1)));
            assertMetadata(moved, "bob", response.header("X-Correlation-Id"), null);
        }
    }

    abstract class AssignSponsorSpec {

        @Test
        void assigning_a_sponsor_answers_200_and_records_it() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = api.put(objective(id) + "/sponsor").actor("system:import")
                    .send(Map.of("sponsor", "ANS", "reason", "désignation", "effectiveOn", "2024-01-15"));

            // then
            assertSuccess(response, 200, id, 1);
            DomainEventMessage<?> assigned = lastEvent(id);
            assertThat(assigned.getPayload()).isEqualTo(new SponsorAssigned(ObjectiveId.of(id), "ANS", null,
                    "désignation", LocalDate.of(2024, 1, 15)));
            assertMetadata(assigned, "system:import", response.header("X-Correlation-Id"), null);
        }

        @Test
        void a_new_sponsor_is_recorded_with_the_previous_one() {
            // given
            String id = defineObjective();
            api.put(objective(id) + "/sponsor").send(Map.of("sponsor", "ANS", "effectiveOn", "2024-01-15"));

            // when
            ApiResponse response = api.put(objective(id) + "/sponsor")
                    .send(Map.of("sponsor", "DNS", "effectiveOn", "2024-06-01"));

            // then
            assertSuccess(response, 200, id, 2);
            assertThat(lastEvent(id).getPayload()).isEqualTo(new SponsorAssigned(ObjectiveId.of(id), "DNS", "ANS",
                    null, LocalDate.of(2024, 6, 1)));
        }
    }

    abstract class PlanMilestoneSpec {

        @Test
        void planning_a_milestone_answers_201_with_its_location_and_records_it() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = api.post(objective(id) + "/milestones").actor("carol")
                    .send(Map.of("milestoneId", "M1", "title", "Cadre publié", "dueOn", "2024-12-31",
                            "effectiveOn", "2024-02-01"));

            // then
            assertSuccess(response, 201, id, 1);
            assertThat(URI.create(response.header("Location")).getPath())
                    .isEqualTo(objective(id) + "/milestones/M1");
            DomainEventMessage<?> planned = lastEvent(id);
            assertThat(planned.getPayload()).isEqualTo(new MilestonePlanned(ObjectiveId.of(id), MilestoneId.of("M1"),
                    "Cadre publié", LocalDate.of(2024, 12, 31), LocalDate.of(2024, 2, 1)));
            assertMetadata(planned, "carol", response.header("X-Correlation-Id"), null);
        }
    }

    abstract class RescheduleMilestoneSpec {

        @Test
        void rescheduling_a_milestone_answers_200_and_records_the_previous_due_date() {
            // given
            String id = defineObjective();
            planMilestone(id, "M1");

            // when
            ApiResponse response = api.put(milestone(id, "M1") + "/due-on").actor("dave")
                    .send(Map.of("dueOn", "2025-06-30", "reason", "retard fournisseur", "effectiveOn", "2024-03-01"));

            // then
            assertSuccess(response, 200, id, 2);
            DomainEventMessage<?> rescheduled = lastEvent(id);
            assertThat(rescheduled.getPayload()).isEqualTo(new MilestoneRescheduled(ObjectiveId.of(id),
                    MilestoneId.of("M1"), LocalDate.of(2025, 6, 30), LocalDate.of(2024, 12, 31), "retard fournisseur",
                    LocalDate.of(2024, 3, 1)));
            assertMetadata(rescheduled, "dave", response.header("X-Correlation-Id"), null);
        }
    }

    abstract class MarkMilestoneAchievedSpec {

        @Test
        void marking_a_milestone_achieved_answers_200_and_takes_effect_on_the_achievement_date() {
            // given
            String id = defineObjective();
            planMilestone(id, "M1");

            // when
            ApiResponse response = api.post(milestone(id, "M1") + "/achievement").actor("erin")
                    .send(Map.of("achievedOn", "2024-04-02", "evidence", "https://example.org/arrete"));

            // then
            assertSuccess(response, 200, id, 2);
            DomainEventMessage<?> achieved = lastEvent(id);
            assertThat(achieved.getPayload()).isEqualTo(new MilestoneAchieved(ObjectiveId.of(id),
                    MilestoneId.of("M1"), LocalDate.of(2024, 4, 2), "https://example.org/arrete",
                    LocalDate.of(2024, 4, 2)));
            assertMetadata(achieved, "erin", response.header("X-Correlation-Id"), null);
        }
    }

    abstract class RevokeMilestoneAchievementSpec {

        @Test
        void revoking_an_achievement_answers_200_and_records_the_reason() {
            // given
            String id = defineObjective();
            planMilestone(id, "M1");
            markAchieved(id, "M1", "2024-04-02");

            // when
            ApiResponse response = api.post(milestone(id, "M1") + "/achievement/revocation").actor("frank")
                    .idempotencyKey("revoke-" + id)
                    .send(Map.of("reason", "preuve insuffisante", "effectiveOn", "2024-04-10"));

            // then
            assertSuccess(response, 200, id, 3);
            DomainEventMessage<?> revoked = lastEvent(id);
            assertThat(revoked.getPayload()).isEqualTo(new MilestoneAchievementRevoked(ObjectiveId.of(id),
                    MilestoneId.of("M1"), "preuve insuffisante", LocalDate.of(2024, 4, 10)));
            assertMetadata(revoked, "frank", response.header("X-Correlation-Id"), "revoke-" + id);
        }
    }

    abstract class ReportStatusSpec {

        @Test
        void reporting_a_status_answers_201_and_records_it() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = api.post(objective(id) + "/status-reports").actor("grace")
                    .send(Map.of("status", "ON_TRACK", "progressPercent", 40, "comment", "ça avance",
                            "effectiveOn", "2024-05-01"));

            // then
            assertSuccess(response, 201, id, 1);
            DomainEventMessage<?> reported = lastEvent(id);
            assertThat(reported.getPayload()).isEqualTo(new StatusReported(ObjectiveId.of(id),
                    ObjectiveStatus.ON_TRACK, 40, "ça avance", LocalDate.of(2024, 5, 1)));
            assertMetadata(reported, "grace", response.header("X-Correlation-Id"), null);
        }

        @Test
        void every_event_of_a_request_names_the_command_as_its_cause_and_each_request_another_one() {
            // given
            String id = defineObjective();

            // when
            api.post(objective(id) + "/status-reports").send(Map.of("status", "AT_RISK", "effectiveOn", "2024-05-01"));
            api.post(objective(id) + "/status-reports").send(Map.of("status", "LATE", "effectiveOn", "2024-05-02"));

            // then
            List<DomainEventMessage<?>> events = events(id);
            assertThat(events).hasSize(3);
            Set<Object> causes = new HashSet<>();
            Set<Object> correlations = new HashSet<>();
            events.forEach(event -> {
                causes.add(event.getMetaData().get("causationId"));
                correlations.add(event.getMetaData().get("correlationId"));
            });
            assertThat(causes).hasSize(3).doesNotContainNull();
            assertThat(correlations).hasSize(3).doesNotContainNull();
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // Refusals: a problem document, never a 5xx, and nothing recorded
    // ----------------------------------------------------------------------------------------------------------

    abstract class MalformedRequestSpec {

        @Test
        void an_unknown_json_property_is_refused_naming_it() {
            // given
            String id = newObjectiveId();

            // when
            ApiResponse response = recordingNothing(() -> api.post(OBJECTIVES).sendRaw(CommandApiClient.JSON, """
                    {"objectiveId": "%s", "axis": "1", "priority": "1.P1", "title": "t", "colour": "blue"}
                    """.formatted(id)));

            // then
            assertFieldError(assertProblem(response, 400), "colour");
        }

        @Test
        void a_text_where_a_number_is_expected_is_refused_naming_the_field() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = recordingNothing(() -> api.post(objective(id) + "/status-reports")
                    .sendRaw(CommandApiClient.JSON, "{\"status\": \"ON_TRACK\", \"progressPercent\": \"forty\"}"));

            // then
            assertFieldError(assertProblem(response, 400), "progressPercent");
        }

        @Test
        void a_fractional_number_where_an_integer_is_expected_is_refused_naming_the_field() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = recordingNothing(() -> api.post(objective(id) + "/status-reports")
                    .sendRaw(CommandApiClient.JSON, "{\"status\": \"ON_TRACK\", \"progressPercent\": 40.5}"));

            // then
            assertFieldError(assertProblem(response, 400), "progressPercent");
        }

        @Test
        void an_object_where_a_text_is_expected_is_refused_naming_the_field() {
            // given
            String id = newObjectiveId();

            // when
            ApiResponse response = recordingNothing(() -> api.post(OBJECTIVES).sendRaw(CommandApiClient.JSON, """
                    {"objectiveId": "%s", "axis": "1", "priority": "1.P1", "title": {"fr": "t"}}
                    """.formatted(id)));

            // then
            assertFieldError(assertProblem(response, 400), "title");
        }

        @Test
        void an_unknown_status_is_refused_naming_the_field() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = recordingNothing(() -> api.post(objective(id) + "/status-reports")
                    .send(Map.of("status", "DONE")));

            // then
            assertFieldError(assertProblem(response, 400), "status");
        }

        @Test
        void an_impossible_date_is_refused_naming_the_field() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = recordingNothing(() -> api.put(objective(id) + "/sponsor")
                    .send(Map.of("sponsor", "ANS", "effectiveOn", "2024-13-45")));

            // then
            JsonNode problem = assertProblem(response, 400);
            assertFieldError(problem, "effectiveOn");
            assertThat(problem.path("detail").asText()).contains("2024-13-45");
        }

        @Test
        void a_number_or_a_date_and_time_where_a_date_is_expected_is_refused_naming_the_field() {
            // given
            String id = defineObjective();

            // when
            ApiResponse number = recordingNothing(() -> api.post(objective(id) + "/milestones")
                    .send(Map.of("milestoneId", "M1", "title", "t", "dueOn", 20241231)));
            ApiResponse dateTime = recordingNothing(() -> api.post(objective(id) + "/milestones")
                    .send(Map.of("milestoneId", "M1", "title", "t", "dueOn", "2024-12-31T10:00:00")));
            ApiResponse empty = recordingNothing(() -> api.post(objective(id) + "/milestones")
                    .send(Map.of("milestoneId", "M1", "title", "t", "dueOn", "2024-12-31", "effectiveOn", "")));

            // then
            assertFieldError(assertProblem(number, 400), "dueOn");
            assertFieldError(assertProblem(dateTime, 400), "dueOn");
            assertFieldError(assertProblem(empty, 400), "effectiveOn");
        }

        @Test
        void an_effective_date_in_the_future_is_refused_with_400() {
            // given
            String id = defineObjective();
            String future = todayInParis().plusDays(2).toString();

            // when
            ApiResponse response = recordingNothing(() -> api.post(objective(id) + "/status-reports")
                    .send(Map.of("status", "ON_TRACK", "effectiveOn", future)));

            // then
            JsonNode problem = assertProblem(response, 400);
            assertFieldError(problem, "effectiveOn");
            assertThat(problem.path("detail").asText()).contains(future);
        }

        @Test
        void an_achievement_dated_in_the_future_is_refused_with_400() {
            // given
            String id = defineObjective();
            planMilestone(id, "M1");

            // when
            ApiResponse response = recordingNothing(() -> api.post(milestone(id, "M1") + "/achievement")
                    .send(Map.of("achievedOn", todayInParis().plusDays(2).toString())));

            // then
            assertFieldError(assertProblem(response, 400), "achievedOn");
        }

        @Test
        void a_definition_without_its_required_fields_is_refused_naming_each() {
            // given
            String id = newObjectiveId();

            // when
            ApiResponse response = recordingNothing(() -> api.post(OBJECTIVES).send(Map.of("objectiveId", id)));

            // then
            JsonNode problem = assertProblem(response, 400);
            assertFieldError(problem, "axis");
            assertFieldError(problem, "priority");
            assertFieldError(problem, "title");
        }

        @Test
        void a_definition_without_an_objective_id_is_refused_naming_it() {
            // when
            ApiResponse response = recordingNothing(() -> api.post(OBJECTIVES)
                    .send(Map.of("axis", "1", "priority", "1.P1", "title", "t")));

            // then
            assertFieldError(assertProblem(response, 400), "objectiveId");
        }

        @Test
        void a_rescheduling_without_a_reason_is_refused_naming_it() {
            // given
            String id = defineObjective();
            planMilestone(id, "M1");

            // when
            ApiResponse response = recordingNothing(() -> api.put(milestone(id, "M1") + "/due-on")
                    .send(Map.of("dueOn", "2025-06-30")));

            // then
            assertFieldError(assertProblem(response, 400), "reason");
        }

        @Test
        void a_status_report_without_a_status_is_refused_naming_it() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = recordingNothing(() -> api.post(objective(id) + "/status-reports")
                    .send(Map.of("progressPercent", 10)));

            // then
            assertFieldError(assertProblem(response, 400), "status");
        }

        @Test
        void a_percentage_over_100_is_refused_naming_it() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = recordingNothing(() -> api.post(objective(id) + "/status-reports")
                    .send(Map.of("status", "ON_TRACK", "progressPercent", 101)));

            // then
            assertFieldError(assertProblem(response, 400), "progressPercent");
        }

        @Test
        void an_objective_id_off_the_pattern_in_the_body_is_refused_naming_it() {
            // when
            ApiResponse response = recordingNothing(() -> api.post(OBJECTIVES)
                    .send(Map.of("objectiveId", "-starts-with-a-dash", "axis", "1", "priority", "1.P1", "title", "t")));

            // then
            assertFieldError(assertProblem(response, 400), "objectiveId");
        }

        @Test
        void an_objective_id_off_the_pattern_in_the_path_is_refused_naming_it() {
            // when
            ApiResponse response = recordingNothing(() -> api.put(OBJECTIVES + "/_underscore-first/sponsor")
                    .send(Map.of("sponsor", "ANS")));

            // then
            assertFieldError(assertProblem(response, 400), "id");
        }

        @Test
        void an_actor_header_changes_nothing_the_actor_is_the_tokens() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = api.post(objective(id) + "/status-reports").actor("alice")
                    .header("X-Actor", "system:import").send(Map.of("status", "ON_TRACK"));

            // then
            assertThat(response.status()).isEqualTo(201);
            assertThat(lastEvent(id).getMetaData().get("actorSubject")).isEqualTo("alice");
            assertThat(lastEvent(id).getMetaData().get("actor")).asString().doesNotContain("system:import");
        }

        @Test
        void a_malformed_if_match_is_refused_naming_it() {
            // given
            String id = defineObjective();

            // when
            ApiResponse unquoted = recordingNothing(() -> api.post(objective(id) + "/status-reports")
                    .ifMatch("0").send(Map.of("status", "ON_TRACK")));
            ApiResponse weak = recordingNothing(() -> api.post(objective(id) + "/status-reports")
                    .ifMatch("W/\"0\"").send(Map.of("status", "ON_TRACK")));

            // then
            assertFieldError(assertProblem(unquoted, 400), "If-Match");
            assertFieldError(assertProblem(weak, 400), "If-Match");
        }

        @Test
        void an_idempotency_key_with_a_space_is_refused_naming_it() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = recordingNothing(() -> api.post(objective(id) + "/status-reports")
                    .idempotencyKey("two words").send(Map.of("status", "ON_TRACK")));

            // then
            assertFieldError(assertProblem(response, 400), "Idempotency-Key");
        }

        @Test
        void a_body_over_64_kib_with_a_content_length_is_refused_with_413() {
            // given
            String body = oversizedDefinition(newObjectiveId());

            // when
            ApiResponse response = recordingNothing(() -> api.post(OBJECTIVES).sendRaw(CommandApiClient.JSON, body));

            // then
            assertProblem(response, 413);
        }

        @Test
        void a_chunked_body_over_64_kib_is_refused_with_413() {
            // given
            String body = oversizedDefinition(newObjectiveId());

            // when
            ApiResponse response = recordingNothing(() -> api.post(OBJECTIVES)
                    .sendChunked(CommandApiClient.JSON, body));

            // then
            assertProblem(response, 413);
        }

        @Test
        void a_small_chunked_body_is_accepted() {
            // given
            String id = newObjectiveId();

            // when
            ApiResponse response = api.post(OBJECTIVES).sendChunked(CommandApiClient.JSON, """
                    {"objectiveId": "%s", "axis": "1", "priority": "1.P1", "title": "t"}
                    """.formatted(id));

            // then
            assertSuccess(response, 201, id, 0);
        }

        @Test
        void json_nested_deeper_than_64_levels_is_refused_with_400() {
            // given
            String id = newObjectiveId();
            String deep = "[".repeat(100) + "]".repeat(100);

            // when
            ApiResponse inAField = recordingNothing(() -> api.post(OBJECTIVES).sendRaw(CommandApiClient.JSON,
                    "{\"objectiveId\": \"" + id + "\", \"axis\": \"1\", \"priority\": \"1.P1\", \"title\": " + deep
                            + "}"));
            ApiResponse asTheBody = recordingNothing(() -> api.post(OBJECTIVES).sendRaw(CommandApiClient.JSON,
                    deep));

            // then
            assertProblem(inAField, 400);
            assertProblem(asTheBody, 400);
        }

        @Test
        void a_number_or_a_boolean_where_a_text_is_expected_is_refused_not_turned_into_text() {
            // when
            ApiResponse number = recordingNothing(() -> api.post(OBJECTIVES).sendRaw(CommandApiClient.JSON,
                    "{\"objectiveId\": 123, \"axis\": \"1\", \"priority\": \"1.P1\", \"title\": \"t\"}"));
            ApiResponse bool = recordingNothing(() -> api.post(OBJECTIVES).sendRaw(CommandApiClient.JSON,
                    "{\"objectiveId\": true, \"axis\": \"1\", \"priority\": \"1.P1\", \"title\": \"t\"}"));

            // then
            assertFieldError(assertProblem(number, 400), "objectiveId");
            assertFieldError(assertProblem(bool, 400), "objectiveId");
        }

        @Test
        void a_date_is_a_four_digit_year_month_and_day_within_the_stated_years_with_nothing_around_it() {
            // given
            String id = defineObjective();

            // when
            List<ApiResponse> refused = new ArrayList<>();
            for (String dueOn : List.of("+10000-01-01", "-0001-01-01", "1999-12-31", "2100-01-01", " 2024-12-31",
                    "2024-12-31 ", "2024-12-31\u0000", "2024-02-30", "20241231", "2024-1-31")) {
                refused.add(recordingNothing(() -> api.post(objective(id) + "/milestones")
                        .send(Map.of("milestoneId", "M1", "title", "Cadre", "dueOn", dueOn))));
            }

            // then
            for (ApiResponse response : refused) {
                assertFieldError(assertProblem(response, 400), "dueOn");
            }
        }

        @Test
        void a_key_given_twice_is_refused() {
            // given
            String id = newObjectiveId();

            // when
            ApiResponse response = recordingNothing(() -> api.post(OBJECTIVES).sendRaw(CommandApiClient.JSON,
                    "{\"objectiveId\": \"" + id + "\", \"axis\": \"1\", \"priority\": \"1.P1\", \"title\": \"t\","
                            + " \"title\": \"u\"}"));

            // then
            assertProblem(response, 400);
        }

        @Test
        void a_body_declared_in_another_charset_than_utf_8_is_refused_with_415() {
            // given
            String id = defineObjective();

            // when
            ApiResponse utf16 = recordingNothing(() -> api.put(objective(id) + "/sponsor")
                    .sendRaw("application/json;charset=utf-16", "{\"sponsor\": \"ANS\"}"));
            ApiResponse utf8 = api.put(objective(id) + "/sponsor")
                    .sendRaw("application/json;charset=UTF-8", "{\"sponsor\": \"ANS\"}");

            // then
            assertProblem(utf16, 415);
            assertThat(utf8.status()).isEqualTo(200);
        }

        @Test
        void a_successful_command_answers_json_with_no_download_hint_even_where_its_id_looks_like_a_file_name() {
            // given an id with a dot, which Spring takes for a file extension
            String id = newObjectiveId().substring(0, 20) + ".03";
            assertThat(api.post(OBJECTIVES).send(defineBody(id)).status()).isEqualTo(201);

            // when
            ApiResponse amended = api.patch(objective(id)).send(Map.of("title", "Nouveau titre"));

            // then
            assertThat(amended.status()).isEqualTo(200);
            assertThat(amended.headers().firstValue("Content-Disposition")).isEmpty();
            assertThat(amended.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }

        @Test
        void a_body_that_is_not_json_is_refused_with_415() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = recordingNothing(() -> api.put(objective(id) + "/sponsor")
                    .sendRaw("text/plain", "sponsor=ANS"));

            // then
            assertProblem(response, 415);
        }

        @Test
        void malformed_json_is_refused_with_400() {
            // given
            String id = newObjectiveId();

            // when
            ApiResponse truncated = recordingNothing(() -> api.post(OBJECTIVES).sendRaw(CommandApiClient.JSON,
                    "{\"objectiveId\": \"" + id + "\", \"axis\": "));
            ApiResponse unquoted = recordingNothing(() -> api.post(OBJECTIVES).sendRaw(CommandApiClient.JSON,
                    "{objectiveId: " + id + "}"));

            // then
            assertProblem(truncated, 400);
            assertProblem(unquoted, 400);
        }

        @Test
        void a_json_document_followed_by_more_content_is_refused_with_400() {
            // given
            String id = newObjectiveId();

            // when
            ApiResponse response = recordingNothing(() -> api.post(OBJECTIVES).sendRaw(CommandApiClient.JSON, """
                    {"objectiveId": "%s", "axis": "1", "priority": "1.P1", "title": "t"} {"title": "u"}
                    """.formatted(id)));

            // then
            assertProblem(response, 400);
        }

        @Test
        void an_empty_body_is_refused_with_400() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = recordingNothing(() -> api.put(objective(id) + "/sponsor")
                    .sendRaw(CommandApiClient.JSON, ""));

            // then
            assertProblem(response, 400);
        }
    }

    abstract class UnknownTargetSpec {

        @Test
        void a_command_on_an_unknown_objective_is_refused_with_404() {
            // given
            String id = newObjectiveId();

            // when
            ApiResponse amend = recordingNothing(() -> api.patch(objective(id)).send(Map.of("title", "t")));
            ApiResponse report = recordingNothing(() -> api.post(objective(id) + "/status-reports")
                    .send(Map.of("status", "ON_TRACK")));
            ApiResponse plan = recordingNothing(() -> api.post(objective(id) + "/milestones")
                    .send(Map.of("milestoneId", "M1", "title", "t", "dueOn", "2024-12-31")));

            // then
            assertThat(assertProblem(amend, 404).path("detail").asText()).contains(id);
            assertProblem(report, 404);
            assertProblem(plan, 404);
        }

        @Test
        void a_command_on_an_unknown_milestone_is_refused_with_404() {
            // given
            String id = defineObjective();
            planMilestone(id, "M1");

            // when
            ApiResponse reschedule = recordingNothing(() -> api.put(milestone(id, "M9") + "/due-on")
                    .send(Map.of("dueOn", "2025-01-31", "reason", "r")));
            ApiResponse achieve = recordingNothing(() -> api.post(milestone(id, "M9") + "/achievement")
                    .send(Map.of("achievedOn", "2024-04-01")));
            ApiResponse revoke = recordingNothing(() -> api.post(milestone(id, "M9") + "/achievement/revocation")
                    .send(Map.of("reason", "r")));

            // then
            assertThat(assertProblem(reschedule, 404).path("detail").asText()).contains("M9");
            assertProblem(achieve, 404);
            assertProblem(revoke, 404);
        }

        @Test
        void the_roadmap_id_is_not_an_objective_although_the_roadmap_events_are_stored_under_it() {
            // when
            ApiResponse amend = recordingNothing(() -> api.patch(objective(ROADMAP_ID))
                    .send(Map.of("title", "t")));
            ApiResponse report = recordingNothing(() -> api.post(objective(ROADMAP_ID) + "/status-reports")
                    .send(Map.of("status", "ON_TRACK")));
            ApiResponse define = recordingNothing(() -> api.post(OBJECTIVES).send(defineBody(ROADMAP_ID)));

            // then
            assertProblem(amend, 404);
            assertProblem(report, 404);
            assertProblem(define, 409);
        }
    }

    abstract class BusinessRuleSpec {

        @Test
        void defining_an_existing_objective_again_is_refused_with_409() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = recordingNothing(() -> api.post(OBJECTIVES).send(defineBody(id)));

            // then
            assertThat(assertProblem(response, 409).path("type").asText()).endsWith("duplicate-objective");
        }

        @Test
        void a_refused_definition_leaves_no_hole_in_the_global_order_of_events() {
            // given
            String id = defineObjective();
            long drawnBefore = lastGlobalIndexDrawn();

            // when
            ApiResponse again = api.post(OBJECTIVES).send(defineBody(id));
            ApiResponse roadmap = api.post(OBJECTIVES).send(defineBody(ROADMAP_ID));

            // then (a hole would ride in every projection's tracking token until the gap timeout)
            assertProblem(again, 409);
            assertProblem(roadmap, 409);
            assertThat(lastGlobalIndexDrawn()).isEqualTo(drawnBefore);
        }

        @Test
        void planning_an_existing_milestone_again_is_refused_with_409() {
            // given
            String id = defineObjective();
            planMilestone(id, "M1");

            // when
            ApiResponse response = recordingNothing(() -> api.post(objective(id) + "/milestones")
                    .send(Map.of("milestoneId", "M1", "title", "encore", "dueOn", "2025-01-31")));

            // then
            assertFieldError(assertProblem(response, 409), "milestoneId");
        }

        @Test
        void marking_an_achieved_milestone_achieved_again_is_refused_with_409() {
            // given
            String id = defineObjective();
            planMilestone(id, "M1");
            markAchieved(id, "M1", "2024-04-02");

            // when
            ApiResponse response = recordingNothing(() -> api.post(milestone(id, "M1") + "/achievement")
                    .send(Map.of("achievedOn", "2024-04-03")));

            // then
            assertThat(assertProblem(response, 409).path("detail").asText()).contains("already achieved");
        }

        @Test
        void revoking_the_achievement_of_a_milestone_not_achieved_is_refused_with_409() {
            // given
            String id = defineObjective();
            planMilestone(id, "M1");

            // when
            ApiResponse response = recordingNothing(() -> api.post(milestone(id, "M1") + "/achievement/revocation")
                    .send(Map.of("reason", "r", "effectiveOn", "2024-04-02")));

            // then
            assertProblem(response, 409);
        }

        @Test
        void rescheduling_an_achieved_milestone_is_refused_with_409() {
            // given
            String id = defineObjective();
            planMilestone(id, "M1");
            markAchieved(id, "M1", "2024-04-02");

            // when
            ApiResponse response = recordingNothing(() -> api.put(milestone(id, "M1") + "/due-on")
                    .send(Map.of("dueOn", "2025-06-30", "reason", "r", "effectiveOn", "2024-05-01")));

            // then
            assertProblem(response, 409);
        }

        @Test
        void defining_an_objective_under_a_priority_of_another_axis_is_refused_with_409() {
            // given
            String id = newObjectiveId();

            // when
            ApiResponse response = recordingNothing(() -> api.post(OBJECTIVES)
                    .send(Map.of("objectiveId", id, "axis", "1", "priority", "2.P1", "title", "t")));

            // then
            assertFieldError(assertProblem(response, 409), "priority");
        }

        @Test
        void moving_an_objective_to_an_unknown_priority_is_refused_with_409() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = recordingNothing(() -> api.put(objective(id) + "/placement")
                    .send(Map.of("axis", "3", "priority", "3.P1")));

            // then
            assertFieldError(assertProblem(response, 409), "priority");
        }

        @Test
        void a_priority_code_with_a_nul_character_is_an_unknown_priority_not_a_server_error() {
            // given
            String id = newObjectiveId();

            // when
            ApiResponse response = recordingNothing(() -> api.post(OBJECTIVES)
                    .send(Map.of("objectiveId", id, "axis", "1", "priority", "1.P1\u0000", "title", "t")));

            // then
            assertFieldError(assertProblem(response, 409), "priority");
        }

        @Test
        void a_command_effective_before_the_definition_is_refused_naming_the_definition_date() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = recordingNothing(() -> api.put(objective(id) + "/sponsor")
                    .send(Map.of("sponsor", "ANS", "effectiveOn", DEFINED_ON.minusDays(1).toString())));

            // then
            JsonNode problem = assertProblem(response, 409);
            assertThat(problem.path("detail").asText()).contains(DEFINED_ON.toString());
            assertFieldError(problem, "effectiveOn");
        }

        @Test
        void a_milestone_event_effective_before_its_previous_one_is_refused_naming_that_date() {
            // given
            String id = defineObjective();
            planMilestone(id, "M1");

            // when
            ApiResponse response = recordingNothing(() -> api.post(milestone(id, "M1") + "/achievement")
                    .send(Map.of("achievedOn", "2024-01-20")));

            // then
            JsonNode problem = assertProblem(response, 409);
            assertThat(problem.path("detail").asText()).contains("2024-02-01");
            assertFieldError(problem, "achievedOn");
        }

        @Test
        void a_command_that_changes_nothing_is_refused_with_409() {
            // given
            String id = defineObjective();

            // when
            ApiResponse response = recordingNothing(() -> api.put(objective(id) + "/placement")
                    .send(Map.of("axis", "1", "priority", "1.P1")));

            // then
            assertProblem(response, 409);
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // If-Match, concurrency and Idempotency-Key
    // ----------------------------------------------------------------------------------------------------------

    abstract class ConditionalCommandSpec {

        @Test
        void a_command_conditional_on_the_current_version_is_recorded() {
            // given
            String id = defineObjective();
            String etag = api.put(objective(id) + "/sponsor").send(Map.of("sponsor", "ANS")).header("ETag");

            // when
            ApiResponse response = api.post(objective(id) + "/status-reports").ifMatch(etag)
                    .send(Map.of("status", "ON_TRACK"));

            // then
            assertThat(etag).isEqualTo("\"1\"");
            assertSuccess(response, 201, id, 2);
        }

        @Test
        void a_command_conditional_on_a_past_version_is_refused_with_412() {
            // given
            String id = defineObjective();
            api.put(objective(id) + "/sponsor").send(Map.of("sponsor", "ANS"));

            // when
            ApiResponse response = recordingNothing(() -> api.post(objective(id) + "/status-reports").ifMatch("\"0\"")
                    .send(Map.of("status", "ON_TRACK")));

            // then
            assertProblem(response, 412);
        }

        @Test
        void of_24_commands_racing_on_the_same_version_exactly_one_is_recorded() {
            // given
            String id = defineObjective();
            long before = eventCount();

            // when
            List<ApiResponse> responses = race(24, 24, i -> api.post(objective(id) + "/status-reports")
                    .ifMatch("\"0\"").send(Map.of("status", "ON_TRACK", "progressPercent", i)));

            // then
            assertThat(responses).filteredOn(r -> r.status() == 201).singleElement()
                    .satisfies(r -> assertThat(r.header("ETag")).isEqualTo("\"1\""));
            assertThat(responses).filteredOn(r -> r.status() == 412).hasSize(23)
                    .allSatisfy(r -> assertThat(r.contentType()).startsWith(PROBLEM_JSON));
            assertThat(eventCount()).isEqualTo(before + 1);
            assertThat(events(id)).hasSize(2);
        }
    }

    abstract class ConcurrentCommandSpec {

        @Test
        void of_200_concurrent_commands_every_success_and_nothing_else_is_in_the_event_store() {
            // given
            List<String> ids = List.of(defineObjective(), defineObjective(), defineObjective());
            long before = eventCount();

            // when
            List<ApiResponse> responses = race(8, 200, i -> api.post(objective(ids.get(i % ids.size()))
                    + "/status-reports").send(Map.of("status", "ON_TRACK", "progressPercent", i % 101)));

            // then
            assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
            for (String id : ids) {
                List<Long> returned = responses.stream().filter(r -> r.json().path("objectiveId").asText().equals(id))
                        .map(ApiResponse::version).sorted().toList();
                List<Long> stored = jdbc.queryForList("SELECT sequence_number FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ? AND sequence_number > 0 ORDER BY sequence_number",
                        Long.class, id);
                assertThat(returned).doesNotHaveDuplicates().isEqualTo(stored);
            }
            assertThat(eventCount()).isEqualTo(before + 200);
        }

        @Test
        void of_8_concurrent_definitions_of_one_objective_one_is_recorded_and_the_others_are_refused_with_409() {
            // given
            String id = newObjectiveId();
            long before = eventCount();

            // when
            List<ApiResponse> responses = race(8, 8, i -> api.post(OBJECTIVES).send(defineBody(id)));

            // then
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(7)
                    .allSatisfy(r -> assertThat(r.contentType()).startsWith(PROBLEM_JSON));
            assertThat(eventCount()).isEqualTo(before + 1);
        }

        @Test
        void an_objective_with_more_events_than_the_snapshot_threshold_keeps_taking_commands() {
            // given: the default threshold is 100 events
            String id = defineObjective();
            for (int i = 0; i < 110; i++) {
                assertThat(api.post(objective(id) + "/status-reports").send(Map.of("status", "ON_TRACK",
                        "progressPercent", i % 101)).status()).isEqualTo(201);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class, id) > 0);

            // when
            ApiResponse response = api.put(objective(id) + "/sponsor").send(Map.of("sponsor", "ANS"));

            // then
            assertSuccess(response, 200, id, 111);
            assertThat(events(id)).hasSize(112);
        }
    }

    abstract class IdempotentCommandSpec {

        @Test
        void a_retry_with_the_same_key_and_body_gets_the_first_answer_and_records_nothing() {
            // given
            String id = defineObjective();
            String key = UUID.randomUUID().toString();
            Map<String, Object> body = Map.of("status", "AT_RISK", "progressPercent", 30, "effectiveOn", "2024-05-01");
            ApiResponse first = api.post(objective(id) + "/status-reports").idempotencyKey(key).send(body);

            // when
            ApiResponse retry = recordingNothing(() -> api.post(objective(id) + "/status-reports")
                    .idempotencyKey(key).send(body));

            // then
            assertSuccess(first, 201, id, 1);
            assertSameAnswer(retry, first);
            assertThat(events(id)).hasSize(2);
            assertThat(lastEvent(id).getMetaData().get("idempotencyKey")).isEqualTo(key);
        }

        @Test
        void a_retried_definition_gets_201_again_not_409() {
            // given
            String id = newObjectiveId();
            String key = UUID.randomUUID().toString();
            ApiResponse first = api.post(OBJECTIVES).idempotencyKey(key).send(defineBody(id));

            // when
            ApiResponse retry = recordingNothing(() -> api.post(OBJECTIVES).idempotencyKey(key).send(defineBody(id)));

            // then
            assertSuccess(first, 201, id, 0);
            assertSameAnswer(retry, first);
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        }

        @Test
        void a_retry_after_the_objective_moved_on_still_gets_the_first_answer() {
            // given
            String id = defineObjective();
            String key = UUID.randomUUID().toString();
            ApiResponse first = api.put(objective(id) + "/sponsor").idempotencyKey(key).ifMatch("\"0\"")
                    .send(Map.of("sponsor", "ANS"));
            api.post(objective(id) + "/status-reports").send(Map.of("status", "ON_TRACK"));

            // when
            ApiResponse retry = recordingNothing(() -> api.put(objective(id) + "/sponsor").idempotencyKey(key)
                    .ifMatch("\"0\"").send(Map.of("sponsor", "ANS")));

            // then
            assertSuccess(first, 200, id, 1);
            assertSameAnswer(retry, first);
        }

        @Test
        void the_same_key_with_another_body_is_refused_with_422() {
            // given
            String id = defineObjective();
            String key = UUID.randomUUID().toString();
            api.post(objective(id) + "/status-reports").idempotencyKey(key).send(Map.of("status", "AT_RISK"));

            // when
            ApiResponse response = recordingNothing(() -> api.post(objective(id) + "/status-reports")
                    .idempotencyKey(key).send(Map.of("status", "LATE")));

            // then
            assertThat(assertProblem(response, 422).path("detail").asText()).contains(key);
        }

        @Test
        void the_same_key_and_body_for_another_objective_is_refused_with_422() {
            // given
            String first = defineObjective();
            String second = defineObjective();
            String key = UUID.randomUUID().toString();
            api.put(objective(first) + "/sponsor").idempotencyKey(key).send(Map.of("sponsor", "ANS"));

            // when
            ApiResponse response = recordingNothing(() -> api.put(objective(second) + "/sponsor")
                    .idempotencyKey(key).send(Map.of("sponsor", "ANS")));

            // then
            assertProblem(response, 422);
        }

        @Test
        void the_key_of_a_refused_command_is_not_spent() {
            // given
            String id = defineObjective();
            String key = UUID.randomUUID().toString();
            ApiResponse refused = api.put(objective(id) + "/sponsor").idempotencyKey(key)
                    .send(Map.of("sponsor", "ANS", "effectiveOn", "2020-01-01"));

            // when
            ApiResponse accepted = api.put(objective(id) + "/sponsor").idempotencyKey(key)
                    .send(Map.of("sponsor", "ANS", "effectiveOn", "2024-02-01"));

            // then
            assertProblem(refused, 409);
            assertSuccess(accepted, 200, id, 1);
        }

        @Test
        void of_8_concurrent_duplicates_one_is_recorded_and_all_get_the_same_answer() {
            // given
            String id = defineObjective();
            String key = UUID.randomUUID().toString();
            long before = eventCount();

            // when
            List<ApiResponse> responses = race(8, 8, i -> api.post(objective(id) + "/status-reports")
                    .idempotencyKey(key).send(Map.of("status", "ON_TRACK", "progressPercent", 55)));

            // then
            assertSuccess(responses.get(0), 201, id, 1);
            assertThat(responses).allSatisfy(r -> assertSameAnswer(r, responses.get(0)));
            assertThat(eventCount()).isEqualTo(before + 1);
        }
    }

    // ----------------------------------------------------------------------------------------------------------
    // Helpers
    // ----------------------------------------------------------------------------------------------------------

    static String newObjectiveId() {
        return "it-" + UUID.randomUUID();
    }

    static String objective(String id) {
        return OBJECTIVES + "/" + id;
    }

    static String milestone(String id, String milestoneId) {
        return objective(id) + "/milestones/" + milestoneId;
    }

    static Map<String, Object> defineBody(String id) {
        return Map.of("objectiveId", id, "axis", "1", "priority", "1.P1", "title", "Objectif " + id,
                "effectiveOn", DEFINED_ON.toString());
    }

    static LocalDate todayInParis() {
        return LocalDate.now(EffectiveDates.LEDGER_ZONE);
    }

    /** A definition whose description alone passes 64 KiB. */
    static String oversizedDefinition(String id) {
        return "{\"objectiveId\": \"" + id + "\", \"axis\": \"1\", \"priority\": \"1.P1\", \"title\": \"t\", "
                + "\"description\": \"" + "x".repeat(70 * 1024) + "\"}";
    }

    /** Defines a fresh objective under 1.P1, effective on {@link #DEFINED_ON}; returns its id. */
    String defineObjective() {
        String id = newObjectiveId();
        assertThat(api.post(OBJECTIVES).send(defineBody(id)).status()).isEqualTo(201);
        return id;
    }

    /** Plans the milestone, due on 2024-12-31, effective on 2024-02-01. */
    void planMilestone(String id, String milestoneId) {
        ApiResponse response = api.post(objective(id) + "/milestones").send(Map.of("milestoneId", milestoneId,
                "title", "Jalon " + milestoneId, "dueOn", "2024-12-31", "effectiveOn", "2024-02-01"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    void markAchieved(String id, String milestoneId, String achievedOn) {
        ApiResponse response = api.post(milestone(id, milestoneId) + "/achievement")
                .send(Map.of("achievedOn", achievedOn));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** The objective's whole stream from the event store, from sequence 0 even when a snapshot exists. */
    List<DomainEventMessage<?>> events(String id) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(id, 0).asStream().forEach(events::add);
        return events;
    }

    DomainEventMessage<?> lastEvent(String id) {
        List<DomainEventMessage<?>> events = events(id);
        assertThat(events).isNotEmpty();
        return events.get(events.size() - 1);
    }

    long eventCount() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** Sends the request, checking that the event store holds no more events afterwards than before. */
    /** The last value PostgreSQL's sequence gave an append, whether or not the append committed. */
    long lastGlobalIndexDrawn() {
        return jdbc.queryForObject("SELECT last_value FROM domain_event_entry_global_index_seq", Long.class);
    }

    ApiResponse recordingNothing(Supplier<ApiResponse> request) {
        long before = eventCount();
        ApiResponse response = request.get();
        assertThat(eventCount()).as("events recorded by %s", response).isEqualTo(before);
        return response;
    }

    /**
     * Sends {@code count} requests from {@code threads} threads, all released at once, and returns the answers
     * in request order.
     */
    static List<ApiResponse> race(int threads, int count, IntFunction<ApiResponse> request) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<ApiResponse> responses = new ArrayList<>();
            for (Future<ApiResponse> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } catch (Exception e) {
            throw new IllegalStateException("a racing request failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A success answer: status, {@code {objectiveId, version}} and the matching ETag. */
    static void assertSuccess(ApiResponse response, int status, String id, long version) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.path("objectiveId").asText()).isEqualTo(id);
        assertThat(body.path("version").isIntegralNumber()).isTrue();
        assertThat(body.path("version").asLong()).isEqualTo(version);
        assertThat(response.header("ETag")).isEqualTo("\"" + version + "\"");
    }

    /** An RFC 9457 problem with that status; returns its body. */
    static JsonNode assertProblem(ApiResponse response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith(PROBLEM_JSON);
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).as(response.toString()).isNotBlank();
        assertThat(problem.path("title").asText()).as(response.toString()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).as(response.toString()).isNotBlank();
        return problem;
    }

    /** The problem lists an error for that field, with a message. */
    static void assertFieldError(JsonNode problem, String field) {
        List<JsonNode> errors = new ArrayList<>();
        problem.path("errors").forEach(errors::add);
        assertThat(errors).as(problem.toString())
                .anySatisfy(error -> {
                    assertThat(error.path("field").asText()).isEqualTo(field);
                    assertThat(error.path("message").asText()).isNotBlank();
                });
    }

    static void assertSameAnswer(ApiResponse retry, ApiResponse first) {
        assertThat(retry.status()).as(retry.toString()).isEqualTo(first.status());
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
    }

    static void assertMetadata(DomainEventMessage<?> event, String actor, String correlationId,
                               String idempotencyKey) {
        assertThat(event.getMetaData().get("actorSubject")).isEqualTo(actor);
        assertThat(event.getMetaData().get("actorIssuer")).isEqualTo(TestIssuer.shared().issuer());
        assertThat(event.getMetaData().get("actor")).isEqualTo("client " + actor + " (" + actor + " @ "
                + TestIssuer.shared().issuer() + ")");
        assertThat(event.getMetaData().get("actorRoles")).isEqualTo(List.of("programme-office"));
        assertThat(event.getMetaData().get("correlationId")).isEqualTo(correlationId);
        assertThat(event.getMetaData().get("causationId")).asString().isNotBlank()
                .isNotEqualTo(event.getIdentifier());
        if (idempotencyKey == null) {
            assertThat(event.getMetaData()).doesNotContainKey("idempotencyKey");
        } else {
            assertThat(event.getMetaData().get("idempotencyKey")).isEqualTo(idempotencyKey);
        }
        assertThat(event.getMetaData()).doesNotContainKey("requestHash");
    }
}
