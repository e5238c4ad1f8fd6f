package org.roadmapledger.query.reconciliation;

import org.roadmapledger.query.processing.ProcessingGroups;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.StatusReported;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.query.OpsTestSupport;
import org.roadmapledger.query.processing.ViewProcessors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * AxonFramework#4829 for real: a writer holds its PostgreSQL transaction open past the gap timeout while others
 * commit, the processors give the gap up, the event commits into it and is never streamed; the reconciliation
 * finds the objective behind the event store and repairs its versions and its history.
 */
class LateCommitIT extends OpsTestSupport {

    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ViewProcessors processors;

    private final AtomicInteger ticks = new AtomicInteger();

    @Test
    void an_event_committed_after_its_gap_was_given_up_is_missed_by_the_processors_and_restored_by_reconciliation()
            throws Exception {
        // given an objective the views know at version 0
        append("late-1", 0, defined("late-1"), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> objectiveStatus("late-1", 0) == 200);

        // and its next event appended by a writer that keeps its transaction open
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Long> heldIndex = new CompletableFuture<>();
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(tx -> {
                    append("late-1", 1, new StatusReported(ObjectiveId.of("late-1"), ObjectiveStatus.AT_RISK, 30,
                            "retard", LocalDate.parse("2024-05-01")), Instant.now());
                    heldIndex.complete(jdbc.queryForObject("SELECT global_index FROM domain_event_entry "
                            + "WHERE aggregate_identifier = 'late-1' AND sequence_number = 1", Long.class));
                    awaitQuietly(release);
                }));
        long gap = heldIndex.get(30, TimeUnit.SECONDS);
        // a command that rolls back leaves a second, permanent gap: two gaps make the engine clean them
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            append("late-rolled-back", 0, defined("late-rolled-back"), Instant.now());
            tx.setRollbackOnly();
        });
        append("late-2", 0, defined("late-2"), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> objectiveStatus("late-2", 0) == 200);

        // when others keep committing until every segment has given the held gap up (gap timeout: 2 s)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String tick = "late-tick-" + ticks.incrementAndGet();
            append(tick, 0, defined(tick), Instant.now());
            return everySegmentPassed(gap);
        });
        release.countDown();
        held.get(30, TimeUnit.SECONDS);
        append("late-3", 0, defined("late-3"), Instant.now());
        await().atMost(Duration.ofSeconds(30)).until(() -> objectiveStatus("late-3", 0) == 200);

        // then the committed event never reached the views
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = 'late-1'",
                Long.class)).isEqualTo(2);
        assertThat(body(get("/api/objectives/late-1")).path("version").asLong()).isZero();
        assertThat(body(get("/api/objectives/late-1/history")).path("totalItems").asLong()).isEqualTo(1);

        // when
        HttpResponse<String> reconciled = post("/api/admin/reconciliation");

        // then
        assertThat(reconciled.statusCode()).as(reconciled.body()).isEqualTo(200);
        JsonNode report = body(reconciled);
        assertThat(report.path("state").asText()).isEqualTo("COMPLETED");
        assertThat(report.path("source").asText()).isEqualTo("postgresql");
        JsonNode late = objective(report, "late-1");
        assertThat(late.path("storeSequence").asLong()).isEqualTo(1);
        assertThat(late.path("viewSequence").asLong()).isZero();
        assertThat(late.path("historyEntries").asLong()).isEqualTo(1);
        assertThat(late.path("versions").asText()).isEqualTo("repaired");
        assertThat(late.path("history").asText()).isEqualTo("repaired");
        assertThat(metric("ledger.reconciliation.drift")).isGreaterThanOrEqualTo(1.0);
        JsonNode view = body(get("/api/objectives/late-1"));
        assertThat(view.path("version").asLong()).isEqualTo(1);
        assertThat(view.path("status").asText()).isEqualTo("AT_RISK");
        JsonNode history = body(get("/api/objectives/late-1/history"));
        assertThat(history.path("totalItems").asLong()).isEqualTo(2);
        assertThat(history.path("items").get(1).path("type").asText()).isEqualTo("StatusReported");
        assertThat(body(get("/api/admin/reconciliation")).path("startedAt")).isEqualTo(report.path("startedAt"));

        // and a second run finds nothing left to repair
        JsonNode again = body(post("/api/admin/reconciliation"));
        assertThat(again.path("drifting").asInt()).isZero();
        assertThat(again.path("objectivesChecked").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(metric("ledger.reconciliation.drift")).isZero();
    }

    private boolean everySegmentPassed(long gap) {
        for (String name : ProcessingGroups.VIEWS) {
            var owned = processors.owned(name);
            if (owned.isEmpty()) {
                return false;
            }
            for (EventTrackerStatus status : owned.values()) {
                TrackingToken token = WrappedToken.unwrapLowerBound(status.getTrackingToken());
                if (!(token instanceof GapAwareTrackingToken gapAware)
                        || gapAware.getIndex() <= gap || gapAware.getGaps().contains(gap)) {
                    return false;
                }
            }
        }
        return true;
    }

    private JsonNode objective(JsonNode report, String objectiveId) {
        for (JsonNode objective : report.path("objectives")) {
            if (objective.path("objectiveId").asText().equals(objectiveId)) {
                return objective;
            }
        }
        throw new AssertionError(objectiveId + " not in the report: " + report);
    }

    private double metric(String name) {
        return body(get("/actuator/metrics/" + name)).path("measurements").get(0).path("value").asDouble();
    }

    private void append(String objectiveId, long sequence, ObjectiveEvent event, Instant recordedAt) {
        eventStore.publish(new GenericDomainEventMessage<>("Objective", objectiveId, sequence, event,
                MetaData.with("actor", "test"), UUID.randomUUID().toString(), recordedAt));
    }

    private static ObjectiveDefined defined(String id) {
        return new ObjectiveDefined(ObjectiveId.of(id), RoadmapId.of("fr-digital-health-2023-2027"), "1", "1.P1",
                "Objectif " + id, null, LocalDate.parse("2024-04-01"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
