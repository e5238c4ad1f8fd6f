package org.roadmapledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The zero-install ledger: both sides in one JVM on a fresh data directory, then again on the same directory, as a
 * user who stops and starts it would.
 */
@ExtendWith(OutputCaptureExtension.class)
class StandaloneIT {

    private static final String OBJECTIVE = "1.01";
    private static final Pattern CORRELATED = Pattern.compile("\\] \\[[0-9a-f-]{36}\\] ");

    @TempDir
    Path dataDir;

    @Test
    void a_fresh_ledger_imports_the_roadmap_and_a_restart_keeps_everything_without_importing_again(
            CapturedOutput output) throws Exception {
        // given
        long eventsBefore;
        Set<Object> tokensBefore;
        long version;
        try (ConfigurableApplicationContext first = Standalone.start(dataDir)) {
            Http http = Standalone.http(first);
            JsonNode tree = await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/api/roadmap"),
                    roadmap -> roadmap.status() == 200 && objectives(roadmap.json()) == 65).json();
            assertThat(tree.get("axes")).hasSize(4);
            JdbcTemplate events = first.getBean(JdbcTemplate.class);
            assertThat(events.queryForObject("SHOW fsync", String.class))
                    .as("an acknowledged command survives a crash").isEqualTo("on");
            assertThat(events.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
            assertThat(priorities(tree)).isEqualTo(18);
            assertThat(output).contains("Roadmap Ledger is running.", dataDir.toAbsolutePath().toString(),
                    "/swagger-ui.html");
            assertThat(output.getOut().lines().filter(line -> line.contains("import:")))
                    .as("the start-up import's log lines carry its correlation id")
                    .hasSizeGreaterThan(3)
                    .allMatch(line -> CORRELATED.matcher(line).find());

            // when
            Http.Response reported = http.post("/api/objectives/" + OBJECTIVE + "/status-reports",
                    "{\"status\":\"AT_RISK\",\"progressPercent\":40,\"comment\":\"Pilote à refaire\"}",
                    "X-Correlation-Id", "standalone-it-1");
            assertThat(reported.status()).as(reported.body()).isEqualTo(201);
            version = reported.json().get("version").asLong();

            // then
            JsonNode view = http.getJson("/api/objectives/" + OBJECTIVE + "?minVersion=" + version);
            assertThat(view.get("status").asText()).isEqualTo("AT_RISK");
            assertThat(view.get("progressPercent").asInt()).isEqualTo(40);
            JsonNode last = await().atMost(Duration.ofSeconds(30)).until(
                    () -> OperationsIT.lastHistoryItem(http, OBJECTIVE),
                    item -> item != null && item.get("sequence").asLong() == version);
            assertThat(last.get("type").asText()).isEqualTo("StatusReported");
            assertThat(last.get("correlationId").asText()).isEqualTo("standalone-it-1");
            eventsBefore = events(first);
            tokensBefore = tokenIds(first);
            assertThat(tokensBefore).isNotEmpty();
        }

        // when
        try (ConfigurableApplicationContext second = Standalone.start(dataDir)) {
            Http http = Standalone.http(second);

            // then
            assertThat(events(second)).as("the start-up import appends nothing").isEqualTo(eventsBefore);
            assertThat(tokenIds(second)).as("processors resume from their tokens").isEqualTo(tokensBefore);
            JsonNode view = http.getJson("/api/objectives/" + OBJECTIVE + "?minVersion=" + version);
            assertThat(view.get("status").asText()).isEqualTo("AT_RISK");
            assertThat(objectives(http.getJson("/api/roadmap"))).isEqualTo(65);
        }
        assertThat(dataDir.resolve("postgres")).isDirectory();
        assertThat(dataDir.resolve("mongo").resolve("views.mv")).isRegularFile();
    }

    private static int priorities(JsonNode tree) {
        int count = 0;
        for (JsonNode axis : tree.get("axes")) {
            count += axis.get("priorities").size();
        }
        return count;
    }

    private static int objectives(JsonNode tree) {
        int count = 0;
        for (JsonNode axis : tree.get("axes")) {
            for (JsonNode priority : axis.get("priorities")) {
                count += priority.get("objectives").size();
            }
        }
        return count;
    }

    private static long events(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("SELECT count(*) FROM domain_event_entry",
                Long.class);
    }

    /** The token documents of the processors: initialised anew, they would get new ids. */
    private static Set<Object> tokenIds(ConfigurableApplicationContext context) {
        MongoTemplate mongo = context.getBean(MongoTemplate.class);
        return mongo.getCollection("trackingtokens").find().map(document -> document.get("_id"))
                .into(new ArrayList<>()).stream().collect(Collectors.toSet());
    }
}
