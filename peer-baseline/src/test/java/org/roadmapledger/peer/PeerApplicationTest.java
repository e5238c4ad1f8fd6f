package org.roadmapledger.peer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The peer baseline answers the benchmarks' commands and read-your-write query as the ledger does (paths, bodies,
 * statuses, versions), and refuses what the ledger refuses, on a real PostgreSQL and a MongoDB-wire server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "axoniq.console.dlq-mode=NONE")
class PeerApplicationTest {

    private static EmbeddedPostgres postgres;
    private static MongoServer mongo;
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) throws IOException {
        postgres = EmbeddedPostgres.start();
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("spring.data.mongodb.uri",
                () -> "mongodb://" + address.getHostString() + ":" + address.getPort() + "/peer");
    }

    @AfterAll
    static void stop() throws IOException {
        mongo.shutdownNow();
        postgres.close();
    }

    @Test
    void answers_each_command_with_the_objectives_version_and_shows_it_to_a_read_that_asks_for_it() {
        // given
        assertThat(send("POST", "/api/objectives", "{\"objectiveId\":\"bench-00001\",\"axis\":\"1\","
                + "\"priority\":\"1.1\",\"title\":\"Objectif\"}")).startsWith("201 ").contains("\"version\":0");

        // when
        String report = send("POST", "/api/objectives/bench-00001/status-reports",
                "{\"status\":\"AT_RISK\",\"progressPercent\":40}");
        String plan = send("POST", "/api/objectives/bench-00001/milestones",
                "{\"milestoneId\":\"m1\",\"title\":\"Jalon\",\"dueOn\":\"2027-03-01\"}");
        String reschedule = send("PUT", "/api/objectives/bench-00001/milestones/m1/due-on",
                "{\"dueOn\":\"2027-04-01\",\"reason\":\"replanification\"}");
        String achieve = send("POST", "/api/objectives/bench-00001/milestones/m1/achievement",
                "{\"achievedOn\":\"2026-12-07\",\"evidence\":\"livré\"}");

        // then
        assertThat(report).startsWith("201 ").contains("\"version\":1");
        assertThat(plan).contains("\"version\":2");
        assertThat(reschedule).contains("\"version\":3");
        assertThat(achieve).contains("\"version\":4");
        assertThat(send("GET", "/api/objectives/bench-00001?minVersion=4", null)).startsWith("200 ")
                .contains("\"status\":\"AT_RISK\"", "\"progressPercent\":40", "\"dueOn\":\"2027-04-01\"",
                        "\"achievedOn\":\"2026-12-07\"", "\"version\":4");
    }

    @Test
    void refuses_bad_input_and_broken_rules_with_a_problem_document() {
        send("POST", "/api/objectives", "{\"objectiveId\":\"bench-00002\",\"axis\":\"1\",\"priority\":\"1.1\","
                + "\"title\":\"Objectif\"}");
        send("POST", "/api/objectives/bench-00002/milestones",
                "{\"milestoneId\":\"m1\",\"title\":\"Jalon\",\"dueOn\":\"2027-03-01\"}");

        assertThat(send("POST", "/api/objectives/bench-00002/status-reports", "{\"status\":\"FINE\"}"))
                .startsWith("400 ").contains("application/problem+json");
        assertThat(send("POST", "/api/objectives/bench-00002/status-reports",
                "{\"status\":\"LATE\",\"progressPercent\":101}")).startsWith("400 ");
        assertThat(send("POST", "/api/objectives/bench-00002/status-reports",
                "{\"status\":\"LATE\",\"colour\":\"red\"}")).startsWith("400 ");
        assertThat(send("POST", "/api/objectives/bench%20x/status-reports", "{\"status\":\"LATE\"}"))
                .startsWith("400 ");
        assertThat(send("POST", "/api/objectives", "{\"objectiveId\":\"bench-00002\",\"axis\":\"1\","
                + "\"priority\":\"1.1\",\"title\":\"Encore\"}")).startsWith("409 ");
        assertThat(send("POST", "/api/objectives/bench-00002/milestones",
                "{\"milestoneId\":\"m1\",\"title\":\"Jalon\",\"dueOn\":\"2027-03-01\"}")).startsWith("409 ");
        assertThat(send("POST", "/api/objectives/nowhere/status-reports", "{\"status\":\"LATE\"}"))
                .startsWith("404 ");
        assertThat(send("GET", "/api/objectives/bench-00002?minVersion=1", null)).startsWith("200 ")
                .contains("\"status\":\"NOT_STARTED\"");
    }

    /** The status, the content type and the body of one request, on one line. */
    private String send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("") + " "
                    + response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
