package org.roadmapledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The standalone under 8 writers, killed with SIGKILL twice (its JVM alone, then its JVM and its PostgreSQL at the
 * same moment) and started again each time, with a client following the event stream across the crashes.
 * {@code -Dcrash.commands=10000} runs it at ten times the CI size (docs/reliability.md).
 */
class CrashIT {

    private static final int COMMANDS = Integer.getInteger("crash.commands", 1000);
    private static final int WRITERS = 8;

    @TempDir
    Path dataDir;

    @Test
    void killed_twice_under_writers_it_keeps_every_acknowledged_command_once_and_its_views_and_stream_follow()
            throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        int port = StandaloneProcess.freePort();
        StreamConsumer stream = new StreamConsumer();
        List<Long> restarts = new ArrayList<>();
        List<Instant> kills = new ArrayList<>();
        StandaloneProcess ledger = StandaloneProcess.start(dataDir, log, port);
        try {
            await().atMost(Duration.ofMinutes(3)).until(ledger::ready);
            LedgerWriters writers = new LedgerWriters(objectiveIds(ledger.http), WRITERS);
            stream.connect(ledger.http);

            // when killed under writers: the JVM alone, then the JVM and its database
            for (int crash = 1; crash <= 2; crash++) {
                Http http = ledger.http;
                CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(writers, http, COMMANDS));
                int killAt = COMMANDS * crash / 3;
                await().atMost(Duration.ofMinutes(10)).until(() -> writers.acknowledged.size() >= killAt);
                kills.add(Instant.now());
                if (crash == 1) {
                    ledger.kill();
                } else {
                    ledger.killWithDatabase(dataDir);
                }
                writing.join();
                long started = System.nanoTime();
                ledger = StandaloneProcess.start(dataDir, log, port);
                StandaloneProcess restarted = ledger;
                await().atMost(Duration.ofSeconds(90)).until(() -> restarted.ready() || !restarted.alive());
                assertThat(restarted.alive()).as("restart " + crash + ", log in " + log).isTrue();
                restarts.add((System.nanoTime() - started) / 1_000_000);
                stream.connect(ledger.http);
            }
            write(writers, ledger.http, COMMANDS);
            Instant end = Instant.now();

            // then every acknowledged command is in the history once, with its version; no other was recorded
            Map<String, JsonNode> recorded = new HashMap<>();
            List<String> duplicates = new ArrayList<>();
            Set<String> storedEventIds = new HashSet<>();
            for (String objectiveId : objectiveIds(ledger.http)) {
                for (JsonNode item : history(ledger.http, objectiveId)) {
                    storedEventIds.add(item.get("eventId").asText());
                    String correlationId = item.path("correlationId").asText();
                    if (correlationId.startsWith("crash-") && recorded.put(correlationId, item) != null) {
                        duplicates.add(correlationId);
                    }
                }
            }
            assertThat(writers.unexpected).as("answers other than 201 while up").isEmpty();
            assertThat(duplicates).as("commands recorded twice").isEmpty();
            List<String> lost = new ArrayList<>();
            writers.acknowledged.forEach((correlationId, ack) -> {
                JsonNode item = recorded.get(correlationId);
                if (item == null || item.get("sequence").asLong() != ack.version()) {
                    lost.add(correlationId);
                }
            });
            assertThat(lost).as("acknowledged commands lost").isEmpty();
            Set<String> unacknowledged = new HashSet<>(recorded.keySet());
            unacknowledged.removeAll(writers.acknowledged.keySet());
            assertThat(writers.inFlight).as("only commands in flight at a kill may be recorded unacknowledged")
                    .containsAll(unacknowledged);

            // and the stream's client, resumed after each crash, received every event once
            await().atMost(Duration.ofMinutes(2)).until(() -> stream.eventIds().containsAll(storedEventIds));
            List<String> received = stream.eventIds();
            assertThat(received).as("events received twice").doesNotHaveDuplicates();

            // and the views are what a rebuild from the event store makes of it, at every viewpoint
            Map<String, String> views = views(ledger.http, kills, end);
            Http.Response replay = ledger.http.post("/api/admin/replay", "");
            assertThat(replay.status()).as(replay.body()).isEqualTo(202);
            Http http = ledger.http;
            await().atMost(Duration.ofMinutes(10)).until(() -> http.get("/api/admin/replay").json()
                    .path("state").asText().equals("COMPLETED"));
            assertThat(views(ledger.http, kills, end)).isEqualTo(views);

            System.out.printf("CrashIT: %d commands acknowledged, %d lost, %d recorded twice; %d in flight at the "
                            + "kills, %d of them recorded; kills survived: 2 (JVM alone, JVM and database); "
                            + "ready again after %s ms; stream: %d events over %d connections, 0 missing, 0 twice%n",
                    writers.acknowledged.size(), lost.size(), duplicates.size(), writers.inFlight.size(),
                    unacknowledged.size(), restarts, received.size(), stream.connections());
        } finally {
            stream.close();
            ledger.close();
            StandaloneProcess.postmaster(dataDir).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static void write(LedgerWriters writers, Http http, int target) {
        try {
            writers.writeUntil(http, target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> objectiveIds(Http http) {
        List<String> ids = new ArrayList<>();
        for (JsonNode axis : http.getJson("/api/roadmap").get("axes")) {
            for (JsonNode priority : axis.get("priorities")) {
                priority.get("objectives").forEach(objective -> ids.add(objective.get("objectiveId").asText()));
            }
        }
        return ids;
    }

    private static List<JsonNode> history(Http http, String objectiveId) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode answer = http.getJson("/api/objectives/" + objectiveId + "/history?size=500&page=" + page);
            answer.get("items").forEach(items::add);
            if (items.size() >= answer.get("totalItems").asLong() || answer.get("items").isEmpty()) {
                return items;
            }
        }
    }

    // every objective as known at each kill and at the end, effective then and on two dates of the roadmap
    private static Map<String, String> views(Http http, List<Instant> kills, Instant end) {
        Map<String, String> views = new LinkedHashMap<>();
        List<Instant> instants = new ArrayList<>(kills);
        instants.add(end);
        for (Instant asOf : instants) {
            for (String validAt : List.of("2024-06-30", "2027-12-31")) {
                String viewpoint = "?asOf=" + asOf + "&validAt=" + validAt;
                views.put("roadmap" + viewpoint, http.getJson("/api/roadmap" + viewpoint).toString());
                for (String objectiveId : objectiveIds(http)) {
                    Http.Response one = http.get("/api/objectives/" + objectiveId + viewpoint);
                    views.put(objectiveId + viewpoint, one.status() + " " + one.body());
                }
            }
        }
        return views;
    }
}
