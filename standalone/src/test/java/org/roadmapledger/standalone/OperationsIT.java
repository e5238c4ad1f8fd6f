package org.roadmapledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roadmapledger.platform.ops.LedgerMetricRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator of the ledger sees: health, build and commit, metrics, and logs they can follow a request in. */
@ExtendWith(OutputCaptureExtension.class)
class OperationsIT extends RunningStandalone {

    @Autowired
    private GlobalMetricRegistry axonMetrics;

    @Test
    void health_covers_the_event_store_and_mongodb() {
        // when
        JsonNode health = http().getJson("/actuator/health");

        // then
        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode components = health.get("components");
        assertThat(components.get("eventStore").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("eventStore").get("details").get("store").asText()).isEqualTo("EmbeddedEventStore");
        assertThat(components.get("eventStore").get("details").get("headPosition").asLong()).isPositive();
        assertThat(components.get("mongo").get("status").asText()).isEqualTo("UP");
        assertThat(components.get("db").get("status").asText()).isEqualTo("UP");
        assertThat(http().get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void info_tells_the_version_and_the_commit() {
        // when
        JsonNode info = http().getJson("/actuator/info");

        // then
        assertThat(info.get("build").get("version").asText()).isEqualTo("0.1.0-SNAPSHOT");
        if (getClass().getResource("/git.properties") != null) {
            assertThat(info.get("git").get("commit").get("id").asText()).isNotBlank();
        }
    }

    @Test
    void prometheus_shows_the_lag_and_throughput_of_every_processing_group() {
        for (String group : List.of("objective-versions", "audit-history")) {
            // when
            String handledAll = "eventProcessor_successCounter_total{application=\"roadmap-ledger\","
                    + "payloadType=\"ObjectiveDefined\",processorName=\"" + group + "\"} 65.0";
            String metrics = await().atMost(Duration.ofSeconds(30))
                    .until(() -> http().get("/actuator/prometheus").body(), body -> body.contains(handledAll));

            // then
            assertThat(metrics)
                    .contains("ledger_processor_lag_events{application=\"roadmap-ledger\",processing_group=\"" + group
                            + "\"}")
                    .contains("eventProcessor_latency{application=\"roadmap-ledger\",processorName=\"" + group + "\"}")
                    .contains("eventProcessor_capacity{application=\"roadmap-ledger\",payloadType=\"ObjectiveDefined\","
                            + "processorName=\"" + group + "\"}")
                    .contains("http_server_requests_seconds_count")
                    .contains("jvm_memory_used_bytes");
        }
    }

    @Test
    void axon_meters_come_from_the_registry_whose_capacity_gauges_keep_fixed_memory() {
        // then
        assertThat(axonMetrics).isInstanceOf(LedgerMetricRegistry.class);
        assertThat(http().get("/actuator/prometheus").body())
                .contains("commandBus_capacity{application=\"roadmap-ledger\",payloadType=\"DefineObjective\"}");
    }

    @Test
    void prometheus_counts_the_views_store_writes_and_the_fewer_commits_that_covered_them() {
        // given the roadmap imported: its objectives projected, five documents and two tokens an event
        await().atMost(Duration.ofSeconds(30)).until(() -> counter(http().get("/actuator/prometheus").body(),
                "ledger_views_store_writes_total") >= 65);

        // when
        String metrics = http().get("/actuator/prometheus").body();

        // then
        double writes = counter(metrics, "ledger_views_store_writes_total");
        double commits = counter(metrics, "ledger_views_store_commits_total");
        assertThat(commits).isPositive().isLessThan(writes / 2);
    }

    private static double counter(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + "{")).findFirst()
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError(name + " not in /actuator/prometheus"));
    }

    @Test
    void every_log_line_of_a_request_carries_the_correlation_id_its_events_carry(CapturedOutput output)
            throws IOException {
        // given
        int from = output.getOut().length();

        // when
        Http.Response imported = http().post("/api/roadmap/import", bundledRoadmap(),
                "X-Correlation-Id", "ops-it-import");
        Http.Response reported = http().post("/api/objectives/1.02/status-reports", "{\"status\":\"ON_TRACK\"}",
                "X-Correlation-Id", "ops-it-report");

        // then
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.headers().firstValue("X-Correlation-Id")).hasValue("ops-it-import");
        List<String> importLines = output.getOut().substring(from).lines()
                .filter(line -> line.contains("import:"))
                .toList();
        assertThat(importLines).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(line -> assertThat(line).contains("[ops-it-import]"));
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        long version = reported.json().get("version").asLong();
        JsonNode recorded = await().atMost(Duration.ofSeconds(30)).until(() -> lastHistoryItem(http(), "1.02"),
                item -> item != null && item.get("sequence").asLong() == version);
        assertThat(recorded.get("correlationId").asText()).isEqualTo("ops-it-report");
    }

    /** The last event of the objective's audit history, or null while the history has none. */
    static JsonNode lastHistoryItem(Http http, String objectiveId) {
        Http.Response response = http.get("/api/objectives/" + objectiveId + "/history?size=500");
        if (response.status() != 200) {
            return null;
        }
        JsonNode items = response.json().get("items");
        return items.get(items.size() - 1);
    }

    private static String bundledRoadmap() throws IOException {
        try (InputStream in = OperationsIT.class.getResourceAsStream("/roadmap/roadmap.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
