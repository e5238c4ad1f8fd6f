package org.roadmapledger.query;

import org.roadmapledger.platform.security.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.roadmapledger.query.feed.EventWriter;
import org.roadmapledger.query.feed.LedgerFeed;
import org.roadmapledger.query.feed.Position;
import org.roadmapledger.query.stream.SseClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service stops and a new one starts on the same stores (the event store, and a MongoDB that outlives both):
 * stream clients and webhooks carry on exactly where they were.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RestartIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MongoServer mongo;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Each test its own database: a subscription of one test is no business of the next. */
    private final String database = "restart-" + java.util.UUID.randomUUID();
    private final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeAll
    static void startMongo() {
        mongo = new MongoServer(new MemoryBackend());
        mongo.bind("127.0.0.1", 0);
    }

    @AfterAll
    static void stopMongo() {
        mongo.shutdownNow();
    }

    @AfterEach
    void stopServices() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        services.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void a_stream_client_resumes_on_the_restarted_service_with_exactly_the_events_after_its_last_one()
            throws Exception {
        // given
        ConfigurableApplicationContext first = start();
        EventWriter writer = new EventWriter(first.getBean(EventStore.class));
        Position mark = first.getBean(LedgerFeed.class).storeHead();
        List<String> before = new ArrayList<>();
        before.add(writer.define("restart-sse-1", "1"));
        for (int i = 1; i < 40; i++) {
            before.add(writer.report("restart-sse-1", i));
        }
        SseClient client = SseClient.connect(url(first, "/api/events/stream?objective=restart-sse-1&after="
                + mark.encode()));
        closeables.add(client);
        await().atMost(PATIENCE).until(() -> client.events().size() >= 40);

        // when
        first.close();
        await().atMost(PATIENCE).until(client::ended);
        String lastId = client.lastEventId();
        ConfigurableApplicationContext second = start();
        EventWriter afterRestart = writer.on(second.getBean(EventStore.class));
        List<String> after = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            after.add(afterRestart.report("restart-sse-1", i));
        }
        SseClient resumed = SseClient.connect(url(second, "/api/events/stream?objective=restart-sse-1"), lastId);
        closeables.add(resumed);

        // then
        await().atMost(PATIENCE).until(() -> resumed.events().size() >= 10);
        assertThat(client.eventIds()).containsExactlyElementsOf(before);
        assertThat(client.comments()).anyMatch(comment -> comment.contains("shutting down"));
        assertThat(resumed.eventIds()).containsExactlyElementsOf(after);
    }

    @Test
    void a_webhook_with_a_backlog_and_a_failing_event_carries_on_after_a_restart_without_duplicates()
            throws Exception {
        // given
        ConfigurableApplicationContext first = start();
        EventWriter writer = new EventWriter(first.getBean(EventStore.class));
        Position mark = first.getBean(LedgerFeed.class).storeHead();
        List<String> written = new ArrayList<>();
        written.add(writer.define("restart-hook-1", "1"));
        for (int i = 1; i < 200; i++) {
            written.add(writer.report("restart-hook-1", i));
        }
        AtomicBoolean recovered = new AtomicBoolean(false);
        List<String> acknowledged = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                String id = JSON.readTree(exchange.getRequestBody()).path("id").asText();
                // the receiver fails after 100 events, in the middle of the backlog, until it recovers
                boolean up = recovered.get() || acknowledged.size() < 100;
                if (up) {
                    acknowledged.add(id);
                }
                exchange.sendResponseHeaders(up ? 204 : 503, -1);
            }
        });
        receiver.start();
        closeables.add(() -> receiver.stop(0));
        String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        JsonNode subscription = JSON.readTree(post(first, "/api/subscriptions", JSON.writeValueAsString(Map.of(
                "url", hook, "after", mark.encode(), "filter", Map.of("objective", "restart-hook-1")))).body());
        String id = subscription.path("id").asText();
        await().atMost(PATIENCE).until(() -> JSON.readTree(get(first, "/api/subscriptions/" + id).body())
                .path("attempts").asInt() >= 2);

        // when
        first.close();
        int acknowledgedBeforeRestart = acknowledged.size();
        recovered.set(true);
        ConfigurableApplicationContext second = start();

        // then
        await().atMost(PATIENCE).until(() -> acknowledged.size() >= 200);
        assertThat(acknowledgedBeforeRestart).isEqualTo(100);
        assertThat(acknowledged).containsExactlyElementsOf(written);
        await().atMost(PATIENCE).until(() -> JSON.readTree(get(second, "/api/subscriptions/" + id).body())
                .path("delivered").asInt() == 200);
        JsonNode resumed = JSON.readTree(get(second, "/api/subscriptions/" + id).body());
        assertThat(resumed.path("attempts").asInt()).isZero();
        JsonNode log = JSON.readTree(get(second, "/api/subscriptions/" + id + "/deliveries?size=500").body());
        assertThat(log.path("items")).filteredOn(item -> item.path("statusCode").asInt() == 503).isNotEmpty();
    }

    private ConfigurableApplicationContext start() {
        Map<String, Object> properties = new HashMap<>();
        QueryTestInfrastructure.register((name, value) -> properties.put(name, value.get()));
        properties.put("server.port", "0");
        properties.put("ledger.embedded-mongo", "false");
        properties.put("spring.data.mongodb.uri", "mongodb://127.0.0.1:" + mongo.getLocalAddress().getPort()
                + "/" + database);
        properties.put("ledger.feed.poll-interval", "20ms");
        properties.put("ledger.webhooks.backoff-base", "50ms");
        properties.put("ledger.webhooks.backoff-cap", "200ms");
        properties.put("ledger.webhooks.lease-renewal", "200ms");
        properties.put("ledger.webhooks.request-timeout", "2s");
        properties.put("ledger.webhooks.allow-loopback", "true");
        // as arguments: default properties would lose to application.yml
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerQueryApplication.class)
                .run(arguments);
        services.add(context);
        return context;
    }

    private String url(ConfigurableApplicationContext service, String path) {
        return "http://localhost:" + service.getEnvironment().getProperty("local.server.port") + path;
    }

    private HttpResponse<String> post(ConfigurableApplicationContext service, String path, String body)
            throws Exception {
        return http.send(TestIssuer.authorized(URI.create(url(service, path)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(ConfigurableApplicationContext service, String path) throws Exception {
        return http.send(TestIssuer.authorized(URI.create(url(service, path))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
