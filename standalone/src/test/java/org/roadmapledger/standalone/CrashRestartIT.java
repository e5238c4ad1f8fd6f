package org.roadmapledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The standalone killed with SIGKILL, its JVM alone: the embedded PostgreSQL outlives it, holding the data
 * directory. The next start stops that leftover server and starts at once; when it says it is ready, the views
 * hold every acknowledged command (its segments are its own again, not a dead peer's to wait for).
 */
class CrashRestartIT {

    private static final String OBJECTIVE = "1.04";

    @TempDir
    Path dataDir;

    @Test
    void after_a_kill_of_the_jvm_alone_the_next_start_is_ready_within_60_s_with_every_acknowledged_command()
            throws Exception {
        Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        List<Long> acknowledged = new ArrayList<>();
        Optional<Long> leftover;
        try (StandaloneProcess first = StandaloneProcess.start(dataDir, log)) {
            await().atMost(Duration.ofMinutes(3)).until(first::ready);
            for (int i = 1; i <= 20; i++) {
                Http.Response reported = first.http.post("/api/objectives/" + OBJECTIVE + "/status-reports",
                        "{\"status\":\"ON_TRACK\",\"progressPercent\":" + i + "}");
                assertThat(reported.status()).as(reported.body()).isEqualTo(201);
                acknowledged.add(reported.json().get("version").asLong());
            }

            // when the JVM alone is killed
            first.kill();
            leftover = StandaloneProcess.postmaster(dataDir).map(ProcessHandle::pid);
            assertThat(leftover).as("the embedded PostgreSQL outlived the JVM").isPresent();

            // then the next start is ready within 60 s
            long started = System.nanoTime();
            try (StandaloneProcess second = StandaloneProcess.start(dataDir, log)) {
                await().atMost(Duration.ofSeconds(60)).until(() -> second.ready() || !second.alive());
                assertThat(second.alive()).as("second start, log in " + log).isTrue();
                long readyMillis = (System.nanoTime() - started) / 1_000_000;

                // and the first answers after "ready" hold every acknowledged command, once
                JsonNode view = second.http.getJson("/api/objectives/" + OBJECTIVE);
                assertThat(view.get("version").asLong()).isEqualTo(acknowledged.get(acknowledged.size() - 1));
                assertThat(view.get("progressPercent").asInt()).isEqualTo(20);
                assertThat(second.http.getJson("/api/roadmap").path("rollup").path("objectives").asInt())
                        .isEqualTo(65);
                JsonNode history = second.http.getJson("/api/objectives/" + OBJECTIVE + "/history?size=500");
                List<Long> sequences = new ArrayList<>();
                history.get("items").forEach(item -> sequences.add(item.get("sequence").asLong()));
                assertThat(sequences).containsAll(acknowledged).doesNotHaveDuplicates();
                assertThat(Files.readString(log)).contains("left by an earlier run is still running");
                System.out.printf("CrashRestartIT: ready %d ms after the restart began%n", readyMillis);
            }
        } finally {
            StandaloneProcess.postmaster(dataDir).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
