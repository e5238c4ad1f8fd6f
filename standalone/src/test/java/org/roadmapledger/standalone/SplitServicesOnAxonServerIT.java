package org.roadmapledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The split deployment's settings end to end: the command side and the query side, each its own application in
 * profile {@code axonserver}, on the images docker-compose.yml runs (Axon Server, MongoDB). Skipped where no Docker
 * engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class SplitServicesOnAxonServerIT {

    @Container
    static final GenericContainer<?> AXON_SERVER = new GenericContainer<>("axoniq/axonserver:2024.2.3")
            .withEnv("AXONIQ_AXONSERVER_STANDALONE", "true")
            .withExposedPorts(8024, 8124)
            .waitingFor(Wait.forHttp("/actuator/health").forPort(8024).forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(3)));
    @Container
    static final MongoDBContainer MONGODB = new MongoDBContainer("mongo:7.0");

    @TempDir
    static Path commandSideData;

    static ConfigurableApplicationContext commandSide;
    static ConfigurableApplicationContext querySide;

    @BeforeAll
    static void startServices() {
        String axonServer = "--axon.axonserver.servers=" + AXON_SERVER.getHost() + ":"
                + AXON_SERVER.getMappedPort(8124);
        commandSide = SplitServices.commandSide(commandSideData, "axonserver", axonServer);
        querySide = SplitServices.querySide("axonserver,mongo", axonServer,
                "--spring.data.mongodb.uri=" + MONGODB.getReplicaSetUrl("ledger"));
    }

    @AfterAll
    static void stopServices() {
        if (querySide != null) {
            querySide.close();
        }
        if (commandSide != null) {
            commandSide.close();
        }
    }

    @Test
    void a_milestone_marked_through_the_command_api_shows_in_the_query_api_and_not_as_known_before() {
        // given
        Http commands = Standalone.http(commandSide);
        Http queries = Standalone.http(querySide);
        assertThat(querySide.getBeansOfType(DataSource.class)).as("the query side needs no PostgreSQL").isEmpty();
        created(commands.post("/api/objectives", "{\"objectiveId\":\"e2e.1\",\"axis\":\"1\",\"priority\":\"1.P1\","
                + "\"title\":\"Bout en bout\",\"effectiveOn\":\"2024-01-10\"}"));
        Instant definedOnly = Instant.now();
        await().until(() -> Instant.now().isAfter(definedOnly));

        // when
        ok(commands.put("/api/objectives/e2e.1/sponsor", "{\"sponsor\":\"ANS\",\"effectiveOn\":\"2024-02-01\"}"));
        created(commands.post("/api/objectives/e2e.1/milestones", "{\"milestoneId\":\"M1\",\"title\":\"Pilote\","
                + "\"dueOn\":\"2024-06-30\",\"effectiveOn\":\"2024-02-01\"}"));
        long version = ok(commands.post("/api/objectives/e2e.1/milestones/M1/achievement",
                "{\"achievedOn\":\"2024-05-15\",\"evidence\":\"PV\"}")).get("version").asLong();

        // then
        JsonNode now = await().atMost(Duration.ofSeconds(30)).until(
                () -> queries.get("/api/objectives/e2e.1?minVersion=" + version + "&validAt=2024-12-31"),
                response -> response.status() == 200).json();
        assertThat(now.get("sponsor").asText()).isEqualTo("ANS");
        assertThat(now.get("milestones").get(0).get("achievedOn").asText()).isEqualTo("2024-05-15");
        JsonNode before = queries.getJson("/api/objectives/e2e.1?asOf=" + definedOnly + "&validAt=2024-12-31");
        assertThat(before.get("sponsor").isNull()).isTrue();
        assertThat(before.get("milestones")).isEmpty();
        assertThat(before.get("version").asLong()).isZero();
    }

    private static JsonNode created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
