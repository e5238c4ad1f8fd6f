package org.roadmapledger.query.replay;

import org.roadmapledger.query.processing.ProcessingGroups;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.StatusReported;
import org.roadmapledger.api.roadmap.AxisDefinition;
import org.roadmapledger.api.roadmap.PriorityDefinition;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.api.roadmap.RoadmapStructurePublished;
import org.roadmapledger.query.LedgerEvents;
import org.roadmapledger.query.ObjectiveHistories;
import org.roadmapledger.query.OpsTestSupport;
import org.roadmapledger.query.history.HistoryEntry;
import org.roadmapledger.query.history.HistoryHead;
import org.roadmapledger.query.objective.versions.ObjectiveVersionStore;
import org.roadmapledger.query.processing.ViewProcessors;
import org.roadmapledger.query.roadmap.RoadmapStructureVersion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class ReplayIT extends OpsTestSupport {

    private static final List<String> VIEWS = Stream.concat(ObjectiveVersionStore.COLLECTIONS.stream(),
            Stream.of(HistoryEntry.COLLECTION, HistoryHead.COLLECTION, RoadmapStructureVersion.COLLECTION)).toList();

    @Autowired
    MongoTemplate mongo;
    @Autowired
    ViewProcessors processors;
    @Autowired
    TokenStore tokenStore;

    @Test
    void a_replay_rebuilds_views_identical_to_those_it_replaced_and_answers_503_and_409_meanwhile(
            CapturedOutput output) {
        // given a ledger whose views are up to date
        Random random = new Random(20250630);
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>("Roadmap", "replay-roadmap", 0, new RoadmapStructurePublished(
                RoadmapId.of("replay-roadmap"), 1, "Feuille de route", List.of(new AxisDefinition("1", "Axe 1",
                        List.of(new PriorityDefinition("1.P1", "Priorité 1"), new PriorityDefinition("1.P2",
                                "Priorité 2")))), LocalDate.parse("2023-05-17")), MetaData.emptyInstance(),
                UUID.randomUUID().toString(), Instant.parse("2023-05-17T08:00:00Z")));
        for (int i = 0; i < 30; i++) {
            String id = i == 29 ? "replay-gated" : "replay-" + i; // held last: the chunks before it complete
            events.addAll(ObjectiveHistories.of(id, 5 + random.nextInt(30),
                    Instant.parse("2023-06-01T08:00:00Z").plus(Duration.ofDays(random.nextInt(300))), random));
        }
        eventStore.publish(events);
        long head = eventStore.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(60)).until(() -> viewsReached(head));
        Map<String, List<Document>> before = views();
        faults.close("replay-gated");

        // when
        HttpResponse<String> started = post("/api/admin/replay");

        // then
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(body(started).path("state").asText()).isEqualTo("RUNNING");
        assertThat(body(started).path("eventsTotal").asLong()).isEqualTo(head);
        HttpResponse<String> query = get("/api/objectives/replay-1");
        assertThat(query.statusCode()).isEqualTo(503);
        assertThat(query.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(query.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(get("/api/roadmap").statusCode()).isEqualTo(503);
        assertThat(get("/api/objectives/replay-1/history").statusCode()).isEqualTo(503);
        assertThat(post("/api/admin/replay").statusCode()).isEqualTo(409);
        assertThat(post("/api/admin/reconciliation").statusCode()).isEqualTo(409);
        JsonNode running = body(get("/api/admin/replay"));
        assertThat(running.path("state").asText()).isEqualTo("RUNNING");
        assertThat(running.path("percent").asDouble()).isLessThan(100.0);
        // the chunks rebuilt before the held one are stored, so a crash now restarts the processors from there: once
        // the rebuild waits on the held chunk, the objective views' tokens are at the position it shows (the history,
        // not held, may have stored the held chunk too); read again until then, since a chunk may still be ending
        await().atMost(Duration.ofSeconds(30)).until(() -> storedAtTheRebuildsPosition(head));
        assertThat(body(get("/api/admin/replay")).path("eventsApplied").asLong()).isPositive().isLessThan(head);

        // when the held objective may go on
        faults.open();

        // then
        await().atMost(Duration.ofSeconds(60))
                .until(() -> body(get("/api/admin/replay")).path("state").asText().equals("COMPLETED"));
        JsonNode done = body(get("/api/admin/replay"));
        assertThat(done.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(done.path("eventsApplied").asLong()).isEqualTo(head);
        assertThat(done.path("etaSeconds").asLong()).isZero();
        assertThat(done.path("eventsPerSecond").asDouble()).isPositive();
        assertThat(views()).isEqualTo(before);
        assertThat(get("/api/objectives/replay-1").statusCode()).isEqualTo(200);
        // the state shown is the state: no segment still replaying, and nothing absent was an error to drop
        for (JsonNode processor : body(get("/api/admin/processors")).path("processors")) {
            for (JsonNode segment : processor.path("owned")) {
                assertThat(segment.path("replaying").asBoolean()).as(processor.path("name").asText()).isFalse();
            }
        }
        assertThat(output.getAll()).doesNotContain("ns not found");
    }

    // Its own context afterwards: once an objective has been parked by a replay and retried, a later objective's two
    // dead letters are retried second first in the context it leaves, and DeadLetterIT's first test fails there
    // (also when the processors replay, replay-chunk 0). That defect is open (closing note of 2026-12-08); this test
    // must not hide it in another test's failure.
    @Test
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void an_objective_parked_during_a_replay_keeps_its_later_events_parked_behind_it_until_retried() {
        // given an objective projected without trouble, which the projection fails on once the views are replayed
        // (its segment has handled it and found nothing parked: only the replay parks its events)
        LedgerEvents events = new LedgerEvents(eventStore);
        events.record(defined("replay-parked"), Instant.parse("2024-03-01T09:00:00Z"));
        events.record(reported("replay-parked", ObjectiveStatus.ON_TRACK), Instant.parse("2024-03-02T09:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/objectives/replay-parked").statusCode() == 200);
        faults.poison("replay-parked");
        assertThat(post("/api/admin/replay").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> body(get("/api/admin/replay")).path("state").asText().equals("COMPLETED"));
        assertThat(parked("replay-parked")).isEqualTo(2);
        assertThat(get("/api/objectives/replay-parked").statusCode()).isEqualTo(404);

        // when the fault is fixed but nobody has retried yet, and the objective records another event
        faults.cure("replay-parked");
        events.record(reported("replay-parked", ObjectiveStatus.AT_RISK), Instant.parse("2024-03-03T09:00:00Z"));

        // then the processor, going on after the replay, parks it behind the others instead of applying it
        await().atMost(Duration.ofSeconds(30)).until(() -> parked("replay-parked") == 3);
        assertThat(get("/api/objectives/replay-parked").statusCode()).isEqualTo(404);

        // and a retry applies the three in order
        assertThat(post("/api/admin/dead-letters/retry").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/objectives/replay-parked").statusCode() == 200);
        JsonNode view = body(get("/api/objectives/replay-parked"));
        assertThat(view.path("version").asLong()).isEqualTo(2);
        assertThat(view.path("status").asText()).isEqualTo("AT_RISK");
    }

    private int parked(String objectiveId) {
        for (JsonNode group : body(get("/api/admin/dead-letters"))) {
            if (group.path("group").asText().equals(ProcessingGroups.OBJECTIVE_VERSIONS)) {
                for (JsonNode sequence : group.path("parked")) {
                    if (sequence.path("objectiveId").asText().equals(objectiveId)) {
                        return sequence.path("letters").size();
                    }
                }
            }
        }
        return 0;
    }

    private static ObjectiveDefined defined(String id) {
        return new ObjectiveDefined(ObjectiveId.of(id), RoadmapId.of("fr-digital-health-2023-2027"), "1", "1.P1",
                "Objectif " + id, null, LocalDate.parse("2024-02-01"));
    }

    private static StatusReported reported(String id, ObjectiveStatus status) {
        return new StatusReported(ObjectiveId.of(id), status, 10, null, LocalDate.parse("2024-02-02"));
    }

    private boolean storedAtTheRebuildsPosition(long head) {
        long applied = body(get("/api/admin/replay")).path("eventsApplied").asLong();
        for (String name : ProcessingGroups.VIEWS) {
            for (int segment : tokenStore.fetchSegments(name)) {
                TrackingToken stored = tokenStore.fetchToken(name, segment);
                tokenStore.releaseClaim(name, segment);
                long position = stored.position().orElse(-1);
                long highest = name.equals(ProcessingGroups.OBJECTIVE_VERSIONS) ? applied : head;
                if (applied == 0 || position < applied || position > highest) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean viewsReached(long head) {
        for (String name : ProcessingGroups.VIEWS) {
            var owned = processors.owned(name);
            if (owned.isEmpty()) {
                return false;
            }
            for (EventTrackerStatus status : owned.values()) {
                if (status.getCurrentPosition().orElse(0) < head) {
                    return false;
                }
            }
        }
        return true;
    }

    private Map<String, List<Document>> views() {
        Map<String, List<Document>> views = new LinkedHashMap<>();
        for (String collection : VIEWS) {
            views.put(collection, mongo.find(new Query().with(Sort.by("_id")), Document.class, collection));
        }
        return views;
    }
}
