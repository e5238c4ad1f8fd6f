package org.roadmapledger.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapledger.standalone.LedgerStandaloneApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The generator end to end, in seconds and tiny sizes, against a real standalone on a temporary data directory:
 * the loader appends through Axon's JDBC engine into its embedded PostgreSQL, every workload runs once, and the
 * report holds every workload's figures. No timing is asserted: this is so the module cannot rot.
 */
class GeneratorSmokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    @TempDir
    static Path results;

    private static ConfigurableApplicationContext ledger;
    private static String url;

    @BeforeAll
    static void startTheStandalone() {
        ledger = new SpringApplicationBuilder(LedgerStandaloneApplication.class)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir.toAbsolutePath(),
                        "--ledger.rate-limit.per-second=1000000", "--ledger.rate-limit.burst=1000000");
        url = "http://localhost:" + ((WebServerApplicationContext) ledger).getWebServer().getPort();
        await().atMost(Duration.ofSeconds(60)).until(() -> status("/api/objectives/1.01") == 200);
    }

    @AfterAll
    static void stopTheStandalone() {
        ledger.close();
    }

    @Test
    void every_workload_runs_and_the_report_holds_its_figures() throws Exception {
        // given
        Bench.main(new String[] {"load", "url=" + url, "data=" + dataDir, "perRoadmapObjective=6", "extra=20",
                "perExtra=5", "catchUpTimeout=60s"});

        // when
        Bench.main(new String[] {"all", "url=" + url, "data=" + dataDir, "out=" + results, "profile=smoke",
                "runs=1", "warmup=200ms", "duration=1s", "objectives=10", "clients=1,4", "rywInFlight=32",
                "rate=50", "fanOut=5", "fanOutCommands=5", "fanOutRate=20", "streamIdle=1s",
                "mongoDocuments=2000", "verifierJar=../verifier/target/verifier.jar",
                "peerJar=../peer-baseline/target/peer-baseline-0.1.0-SNAPSHOT-exec.jar", "peerHeap=512m", "peerPort=0"});

        // then
        Path json = onlyFile(".json");
        assertThat(onlyFile(".md")).content().contains("## Targets", "## write", "## asOf", ".svg");
        assertThat(onlyFile(".svg")).content().startsWith("<svg").contains("write c1", "floors http.c1");
        JsonNode report = JSON.readTree(json.toFile());
        JsonNode workloads = report.get("workloads");
        assertThat(workloads.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("floors", "write", "readYourWrite", "asOf", "memory", "replay", "stream",
                        "proof", "pages", "peer");
        assertThat(figure(workloads, "floors", "http.c4.perSecond")).isPositive();
        assertThat(figure(workloads, "floors", "postgresInsert.c4.perSecond")).isPositive();
        assertThat(figure(workloads, "floors", "postgresRead.perSecond")).isPositive();
        assertThat(figure(workloads, "floors", "mongoBulk.perSecond")).isPositive();
        assertThat(workloads.at("/floors/notes/mongoBulk").asText()).contains("the service's own server");
        assertThat(figure(workloads, "write", "c1.perSecond")).isPositive();
        assertThat(figure(workloads, "write", "c4.p99Ms")).isPositive();
        assertThat(figure(workloads, "write", "c4.failed")).isZero();
        // an open loop counts a call it could not send (all threads waiting) as failed: on a slow machine some may
        // be, so only what was answered is required here
        assertThat(figure(workloads, "readYourWrite", "open.perSecond")).isPositive();
        assertThat(figure(workloads, "readYourWrite", "open.p99Ms")).isPositive();
        assertThat(figure(workloads, "peer", "write.c4.perSecond")).as("the peer baseline, on the same stores")
                .isPositive();
        assertThat(figure(workloads, "peer", "write.c4.failed")).isZero();
        assertThat(figure(workloads, "peer", "readYourWrite.open.perSecond")).isPositive();
        assertThat(figure(workloads, "peer", "readYourWrite.open.p99Ms")).isPositive();
        assertThat(figure(workloads, "asOf", "objective.p99Ms")).isPositive();
        assertThat(figure(workloads, "asOf", "roadmap.p99Ms")).isPositive();
        assertThat(figure(workloads, "asOf", "page.p99Ms")).isPositive();
        assertThat(figure(workloads, "asOf", "ledgerEvents")).isGreaterThan(500);
        assertThat(figure(workloads, "memory", "peakHeapMb")).isPositive();
        assertThat(figure(workloads, "memory", "vmHwmMb")).as("the test's own JVM is the service")
                .isGreaterThanOrEqualTo(figure(workloads, "memory", "peakHeapMb") / 2);
        assertMeasuredOrNotAvailable(workloads, "replay", "eventsPerSecond");
        assertMeasuredOrNotAvailable(workloads, "stream", "catchUp.eventsPerSecond");
        assertThat(figure(workloads, "proof", "seal.ms")).isPositive();
        assertThat(figure(workloads, "proof", "verify.valid")).as("the loader chains its events as the service does")
                .isEqualTo(1);
        assertThat(figure(workloads, "proof", "verify.eventsPerSecond")).isPositive();
        assertThat(figure(workloads, "proof", "proofs.p99Ms")).isPositive();
        assertThat(figure(workloads, "proof", "chain.microsPerEvent")).isPositive();
        assertThat(figure(workloads, "proof", "offline.exitCode")).as("the export verifies offline").isZero();
        assertThat(figure(workloads, "proof", "offline.peakRssMb")).isPositive();
        assertThat(figure(workloads, "pages", "roadmap.p99Ms")).isPositive();
        assertThat(figure(workloads, "pages", "objective.htmlKb")).isPositive();
        assertThat(JSON.readTree(get("/api/roadmap")).at("/rollup/objectives").asInt())
                .as("the write workloads record on the loader's further objectives, not in the roadmap")
                .isEqualTo(65);
        assertThat(report.get("targets")).hasSize(19);
        assertThat(report.get("ratios").size()).isGreaterThan(5);
        assertThat(report.at("/machine/nproc").asInt()).isPositive();
    }

    private static void assertMeasuredOrNotAvailable(JsonNode workloads, String workload, String figure) {
        JsonNode node = workloads.get(workload);
        if (node.at("/notes/notAvailable").isMissingNode()) {
            assertThat(figure(workloads, workload, figure)).isPositive();
        } else {
            assertThat(node.at("/notes/notAvailable").asText()).contains("answered");
        }
    }

    private static double figure(JsonNode workloads, String workload, String figure) {
        JsonNode value = workloads.get(workload).get("median").get(figure);
        assertThat(value).as(workload + "." + figure).isNotNull();
        return value.asDouble();
    }

    private static Path onlyFile(String suffix) throws Exception {
        try (var files = Files.list(results)) {
            return files.filter(file -> file.toString().endsWith("-smoke" + suffix)).findFirst().orElseThrow();
        }
    }

    private static int status(String path) throws Exception {
        return send(path, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> response = send(path, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> body) throws Exception {
        String token = new BenchTokens(url, Optional.of(dataDir), Optional.empty()).forRequest("GET", path);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + token).build(), body);
    }
}
