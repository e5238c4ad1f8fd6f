package org.roadmapledger.query.deadletter;

import org.roadmapledger.query.processing.ProcessingGroups;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.junit.jupiter.api.Test;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.StatusReported;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.query.LedgerEvents;
import org.roadmapledger.query.OpsTestSupport;
import org.roadmapledger.query.processing.ViewProcessors;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeadLetterIT extends OpsTestSupport {

    private static final String VERSIONS = "objective-versions";

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void both_view_processors_are_pooled_and_park_failures_instead_of_skipping_them() {
        for (String group : ProcessingGroups.VIEWS) {
            assertThat(processing.eventProcessor(group)).get().isInstanceOf(PooledStreamingEventProcessor.class);
            assertThat(processing.sequencedDeadLetterProcessor(group)).get()
                    .isInstanceOf(DeadLetteringEventHandlerInvoker.class);
            assertThat(processing.errorHandler(group)).isInstanceOf(PropagatingErrorHandler.class);
            assertThat(processing.tokenStore(group)).isInstanceOf(MongoTokenStore.class);
        }
    }

    @Test
    void a_poison_event_is_parked_while_other_objectives_keep_flowing_and_a_retry_applies_it_once_fixed() {
        // given
        faults.poison("dl-poison");
        LedgerEvents events = new LedgerEvents(eventStore);
        events.record(defined("dl-poison"), Instant.parse("2024-02-01T09:00:00Z"));
        events.record(reported("dl-poison", ObjectiveStatus.ON_TRACK), Instant.parse("2024-02-02T09:00:00Z"));
        events.record(defined("dl-healthy"), Instant.parse("2024-02-01T09:00:01Z"));

        // when
        await().atMost(Duration.ofSeconds(30)).until(() -> parked("dl-poison") == 2);
        events.record(reported("dl-healthy", ObjectiveStatus.AT_RISK), Instant.parse("2024-02-03T09:00:00Z"));

        // then the healthy objective keeps flowing, the poisoned one is held back whole, its history is not
        await().atMost(Duration.ofSeconds(30)).until(() -> objectiveStatus("dl-healthy", 1) == 200);
        assertThat(get("/api/objectives/dl-poison").statusCode()).isEqualTo(404);
        assertThat(body(get("/api/objectives/dl-poison/history")).path("totalItems").asInt()).isEqualTo(2);
        JsonNode letter = group(VERSIONS).path("parked").get(0).path("letters").get(0);
        assertThat(letter.path("type").asText()).isEqualTo("ObjectiveDefined");
        assertThat(letter.path("sequence").asLong()).isZero();
        assertThat(letter.path("causeMessage").asText()).contains("injected failure for objective dl-poison");
        assertThat(gauge(VERSIONS)).isEqualTo(2.0);

        // when the cause is fixed
        faults.cure("dl-poison");
        HttpResponse<String> retry = post("/api/admin/dead-letters/retry");

        // then
        assertThat(retry.statusCode()).isEqualTo(200);
        JsonNode versions = body(retry).get(0);
        assertThat(versions.path("group").asText()).isEqualTo(VERSIONS);
        assertThat(versions.path("objectivesApplied").asInt()).isEqualTo(1);
        assertThat(versions.path("objectivesStillParked").asInt()).isZero();
        JsonNode view = body(get("/api/objectives/dl-poison"));
        assertThat(view.path("version").asLong()).isEqualTo(1);
        assertThat(view.path("status").asText()).isEqualTo("ON_TRACK");
        assertThat(parked("dl-poison")).isZero();
        assertThat(gauge(VERSIONS)).isZero();
    }

    @Test
    void a_retry_that_fails_again_keeps_the_objective_parked() {
        // given
        faults.poison("dl-stubborn");
        new LedgerEvents(eventStore).record(defined("dl-stubborn"), Instant.parse("2024-03-01T09:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> parked("dl-stubborn") == 1);

        // when
        JsonNode stillFailing = body(post("/api/admin/dead-letters/retry")).get(0);
        faults.cure("dl-stubborn");
        JsonNode fixed = body(post("/api/admin/dead-letters/retry")).get(0);

        // then
        assertThat(stillFailing.path("objectivesApplied").asInt()).isZero();
        assertThat(stillFailing.path("objectivesStillParked").asInt()).isEqualTo(1);
        assertThat(fixed.path("objectivesApplied").asInt()).isEqualTo(1);
        assertThat(get("/api/objectives/dl-stubborn").statusCode()).isEqualTo(200);
    }

    @Test
    void parked_events_make_the_health_degraded_and_the_reconciliation_retries_them_or_says_why_it_cannot() {
        // given an objective whose events are parked
        faults.poison("dl-crashed");
        new LedgerEvents(eventStore).record(defined("dl-crashed"), Instant.parse("2024-04-01T09:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> parked("dl-crashed") == 1);

        // then
        JsonNode health = body(get("/actuator/health"));
        assertThat(health.path("status").asText()).isEqualTo("DEGRADED");
        assertThat(health.path("components").path("deadLetters").path("details").path("parkedEvents")
                .path(VERSIONS).asLong()).isGreaterThanOrEqualTo(1);

        // when the reconciliation runs while the cause is still there
        JsonNode stillFailing = reconciled("dl-crashed");

        // then it says why it cannot repair the objective
        assertThat(stillFailing.path("versions").asText()).startsWith("parked: ")
                .contains("injected failure for objective dl-crashed");

        // when the cause is gone and the reconciliation runs again
        faults.cure("dl-crashed");
        JsonNode repaired = reconciled("dl-crashed");

        // then it applied the parked events itself
        assertThat(repaired.path("versions").asText()).isEqualTo("repaired");
        assertThat(parked("dl-crashed")).isZero();
        assertThat(get("/api/objectives/dl-crashed").statusCode()).isEqualTo(200);
        assertThat(body(get("/actuator/health")).path("status").asText()).isEqualTo("UP");
    }

    // the report's line for that objective, once the processors have caught up and a run completed
    private JsonNode reconciled(String objectiveId) {
        JsonNode[] line = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> run = post("/api/admin/reconciliation");
            if (run.statusCode() != 200) {
                return false;
            }
            for (JsonNode objective : body(run).path("objectives")) {
                if (objective.path("objectiveId").asText().equals(objectiveId)) {
                    line[0] = objective;
                    return true;
                }
            }
            return false;
        });
        return line[0];
    }

    private JsonNode group(String name) {
        for (JsonNode group : body(get("/api/admin/dead-letters"))) {
            if (group.path("group").asText().equals(name)) {
                return group;
            }
        }
        throw new AssertionError("no dead-letter group " + name);
    }

    private int parked(String objectiveId) {
        for (JsonNode sequence : group(VERSIONS).path("parked")) {
            if (sequence.path("objectiveId").asText().equals(objectiveId)) {
                return sequence.path("letters").size();
            }
        }
        return 0;
    }

    private double gauge(String group) {
        return body(get("/actuator/metrics/ledger.dead-letters?tag=group:" + group))
                .path("measurements").get(0).path("value").asDouble();
    }

    private static ObjectiveDefined defined(String id) {
        return new ObjectiveDefined(ObjectiveId.of(id), RoadmapId.of("fr-digital-health-2023-2027"), "1", "1.P1",
                "Objectif " + id, null, LocalDate.parse("2024-02-01"));
    }

    private static StatusReported reported(String id, ObjectiveStatus status) {
        return new StatusReported(ObjectiveId.of(id), status, 10, null, LocalDate.parse("2024-02-02"));
    }
}
