package org.roadmapledger.query.processing;

import org.roadmapledger.platform.security.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roadmapledger.query.LedgerQueryApplication;
import org.roadmapledger.query.ObjectiveHistories;
import org.roadmapledger.query.QueryTestInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The split deployment on PostgreSQL: two query-side instances (two Spring contexts, as two processes would be)
 * read the same event store and share one MongoDB for the views and the tokens. The second one to start gets its
 * share of every processor's segments through the token store, and both answer queries.
 */
class TwoInstancesIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private MongoServer mongoServer;

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        if (mongoServer != null) {
            mongoServer.shutdownNow();
        }
    }

    @Test
    void two_instances_on_one_postgresql_and_one_mongodb_share_the_segments_and_both_answer() {
        // given a MongoDB both instances use, and a first instance that holds every segment
        mongoServer = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongoServer.bind();
        String mongoUri = "mongodb://" + address.getHostString() + ":" + address.getPort() + "/ledger";
        ConfigurableApplicationContext first = start("query-a", mongoUri);
        await().atMost(Duration.ofSeconds(60)).until(() -> ownsAll(port(first)));

        // when a second instance starts
        ConfigurableApplicationContext second = start("query-b", mongoUri);

        // then each holds a segment of each processor, as the token store records once no segment is in transit
        // (a segment released by one instance is unowned until the other claims it)
        await().atMost(Duration.ofSeconds(60)).until(() -> ownsOfEach(port(first)) && ownsOfEach(port(second))
                && owners(mongoUri).equals(Set.of("query-a", "query-b")));
        assertThat(owners(mongoUri)).containsExactlyInAnyOrder("query-a", "query-b");

        // and when objectives are recorded
        Random random = new Random(4242);
        List<EventMessage<?>> events = new ArrayList<>();
        Map<String, Integer> lastVersion = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            String id = "split-" + i;
            int count = 2 + random.nextInt(6);
            events.addAll(ObjectiveHistories.of(id, count, Instant.parse("2024-06-01T08:00:00Z"), random));
            lastVersion.put(id, count - 1);
        }
        first.getBean(EventStore.class).publish(events);

        // then both instances show every objective at its last version
        for (ConfigurableApplicationContext instance : List.of(first, second)) {
            lastVersion.forEach((id, version) -> {
                HttpResponse<String> view = get(port(instance), "/api/objectives/" + id + "?minVersion=" + version);
                assertThat(view.statusCode()).as(view.body()).isEqualTo(200);
                assertThat(body(view).path("version").asInt()).isEqualTo(version);
                // the history is another processor's: minVersion waits for the versions only
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(body(get(port(instance),
                        "/api/objectives/" + id + "/history")).path("totalItems").asInt()).isEqualTo(version + 1));
            });
        }
        // and each processed its own segments up to the head of the event store
        long head = first.getBean(EventStore.class).createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> lowestPosition(port(first)) >= head && lowestPosition(port(second)) >= head);
    }

    private ConfigurableApplicationContext start(String nodeId, String mongoUri) {
        Map<String, Supplier<Object>> stores = new HashMap<>();
        QueryTestInfrastructure.register(stores::put);
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--server.port=0",
                "--ledger.embedded-mongo=false",
                "--spring.data.mongodb.uri=" + mongoUri,
                "--ledger.processing.node-id=" + nodeId,
                "--ledger.processing.balance-interval=1s",
                "--ledger.reconciliation-interval=0",
                "--axon.eventhandling.processors.objective-versions.token-claim-interval=1000",
                "--axon.eventhandling.processors.audit-history.token-claim-interval=1000"));
        stores.forEach((name, value) -> args.add("--" + name + "=" + value.get()));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerQueryApplication.class)
                .run(args.toArray(String[]::new));
        instances.add(context);
        return context;
    }

    private boolean ownsAll(int port) {
        for (JsonNode processor : body(get(port, "/api/admin/processors")).path("processors")) {
            if (processor.path("owned").size() != processor.path("totalSegments").asInt(-1)) {
                return false;
            }
        }
        return true;
    }

    private boolean ownsOfEach(int port) {
        for (JsonNode processor : body(get(port, "/api/admin/processors")).path("processors")) {
            if (processor.path("owned").isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private long lowestPosition(int port) {
        long lowest = Long.MAX_VALUE;
        for (JsonNode processor : body(get(port, "/api/admin/processors")).path("processors")) {
            for (JsonNode segment : processor.path("owned")) {
                lowest = Math.min(lowest, segment.path("position").asLong(0));
            }
        }
        return lowest;
    }

    private static Set<String> owners(String mongoUri) {
        Set<String> owners = new HashSet<>();
        try (MongoClient client = MongoClients.create(mongoUri)) {
            for (Document token : client.getDatabase("ledger").getCollection("trackingtokens").find()) {
                owners.add(token.getString("owner"));
            }
        }
        return owners;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private HttpResponse<String> get(int port, String path) {
        try {
            return http.send(TestIssuer.authorized(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode body(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(response.body(), e);
        }
    }
}
