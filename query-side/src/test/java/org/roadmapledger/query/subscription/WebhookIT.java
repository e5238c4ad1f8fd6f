package org.roadmapledger.query.subscription;

import org.roadmapledger.platform.security.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.roadmapledger.query.QueryTestInfrastructure;
import org.roadmapledger.query.feed.EventWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks delivered to a real HTTP receiver, with backoff and suspension shortened to milliseconds and seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.feed.poll-interval=20ms", "ledger.webhooks.backoff-base=50ms", "ledger.webhooks.backoff-cap=400ms",
        "ledger.webhooks.suspend-after=1500ms", "ledger.webhooks.lease-renewal=200ms",
        "ledger.webhooks.request-timeout=2s", "ledger.webhooks.allow-loopback=true"})
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WebhookIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        QueryTestInfrastructure.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Receiver> receivers = new ArrayList<>();

    @AfterEach
    void stopReceivers() {
        receivers.forEach(Receiver::close);
    }

    @Test
    void events_reach_the_receiver_in_order_signed_as_standard_webhooks() throws Exception {
        // given
        Receiver receiver = receiver();
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        JsonNode subscription = create(Map.of("url", receiver.url(), "secret", secret,
                "filter", Map.of("objective", "hook-order-1"), "description", "ordering"));
        EventWriter writer = new EventWriter(eventStore);

        // when
        List<String> written = new ArrayList<>();
        written.add(writer.define("hook-order-1", "1"));
        for (int i = 1; i < 40; i++) {
            written.add(writer.report("hook-order-1", i));
            writer.report("hook-other-1", i);
        }

        // then
        await().atMost(PATIENCE).until(() -> receiver.acknowledged().size() >= 40);
        assertThat(receiver.acknowledged()).containsExactlyElementsOf(written);
        for (Receiver.Request request : receiver.requests()) {
            assertThat(Receiver.verify(request, secret)).as("signature of " + request.webhookId()).isTrue();
            assertThat(Receiver.verifiedByTheLibrary(request, secret)).as("library's verdict on " + request.webhookId())
                    .isTrue();
            assertThat(request.webhookId()).isEqualTo(request.eventId());
            assertThat(request.contentType()).startsWith("application/cloudevents+json");
            assertThat(Long.parseLong(request.timestamp())).isCloseTo(Instant.now().getEpochSecond(),
                    org.assertj.core.data.Offset.offset(300L));
        }
        assertThat(Receiver.verify(receiver.requests().get(0), "whsec_"
                + java.util.Base64.getEncoder().encodeToString(new byte[32]))).isFalse();
        assertThat(subscription.path("secret").asText()).isEqualTo(secret);
        assertThat(get("/api/subscriptions/" + subscription.path("id").asText()).body()).doesNotContain(secret);
    }

    @Test
    void a_receiver_failing_three_times_gets_the_event_once_once_it_answers_and_every_attempt_is_logged()
            throws Exception {
        // given
        Receiver receiver = receiver().answering((id, attempt) -> attempt <= 3 ? 500 : 204);
        String id = create(Map.of("url", receiver.url(), "filter", Map.of("objective", "hook-retry-1")))
                .path("id").asText();
        EventWriter writer = new EventWriter(eventStore);

        // when
        String first = writer.define("hook-retry-1", "1");
        String second = writer.report("hook-retry-1", 10);

        // then
        await().atMost(PATIENCE).until(() -> receiver.acknowledged().size() >= 2);
        assertThat(receiver.acknowledged()).containsExactly(first, second);
        assertThat(receiver.requests()).extracting(Receiver.Request::eventId)
                .containsExactly(first, first, first, first, second, second, second, second);
        // the log and the cursor are written just after the acknowledgements
        await().atMost(PATIENCE).until(() -> json(get("/api/subscriptions/" + id + "/deliveries")).path("totalItems")
                .asInt() == 8 && json(get("/api/subscriptions/" + id)).path("delivered").asInt() == 2);
        JsonNode log = json(get("/api/subscriptions/" + id + "/deliveries?size=10"));
        JsonNode newestFirst = log.path("items");
        assertThat(newestFirst.get(0).path("eventId").asText()).isEqualTo(second);
        assertThat(newestFirst.get(0).path("attempt").asInt()).isEqualTo(4);
        assertThat(newestFirst.get(0).path("statusCode").asInt()).isEqualTo(204);
        assertThat(newestFirst.get(0).path("delivered").asBoolean()).isTrue();
        assertThat(newestFirst.get(5).path("eventId").asText()).isEqualTo(first);
        assertThat(newestFirst.get(5).path("attempt").asInt()).isEqualTo(3);
        assertThat(newestFirst.get(5).path("statusCode").asInt()).isEqualTo(500);
        assertThat(newestFirst.get(5).path("error").asText()).isEqualTo("HTTP 500");
        assertThat(newestFirst.get(7).path("attempt").asInt()).isEqualTo(1);
        JsonNode subscription = json(get("/api/subscriptions/" + id));
        assertThat(subscription.path("attempts").asInt()).isZero();
        assertThat(subscription.path("delivered").asInt()).isEqualTo(2);
    }

    @Test
    void a_receiver_down_past_the_suspension_limit_gets_its_dead_letter_and_the_rest_on_redelivery()
            throws Exception {
        // given
        Receiver receiver = receiver().answering((id, attempt) -> 503);
        String id = create(Map.of("url", receiver.url(), "filter", Map.of("objective", "hook-down-1")))
                .path("id").asText();
        EventWriter writer = new EventWriter(eventStore);
        List<String> written = List.of(writer.define("hook-down-1", "1"), writer.report("hook-down-1", 1),
                writer.report("hook-down-1", 2));

        // when
        await().atMost(PATIENCE).until(() -> json(get("/api/subscriptions/" + id)).path("state").asText()
                .equals("SUSPENDED"));
        JsonNode deadLetters = json(get("/api/subscriptions/" + id + "/dead-letters"));
        receiver.answering((event, attempt) -> 200);
        HttpResponse<String> redelivered = post("/api/subscriptions/" + id + "/redeliver", "");

        // then
        assertThat(deadLetters.path("totalItems").asInt()).isEqualTo(1);
        assertThat(deadLetters.path("items").get(0).path("eventId").asText()).isEqualTo(written.get(0));
        assertThat(deadLetters.path("items").get(0).path("attempts").asInt()).isGreaterThan(1);
        assertThat(deadLetters.path("items").get(0).path("lastError").asText()).isEqualTo("HTTP 503");
        assertThat(receiver.requests()).allMatch(request -> request.eventId().equals(written.get(0)));
        assertThat(redelivered.statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> receiver.acknowledged().size() >= 3);
        assertThat(receiver.acknowledged()).containsExactlyElementsOf(written);
        await().atMost(PATIENCE).until(() -> !json(get("/api/subscriptions/" + id + "/dead-letters")).path("items")
                .get(0).path("deliveredAt").isNull());
        assertThat(post("/api/subscriptions/" + id + "/redeliver", "").statusCode()).isEqualTo(409);
    }

    @Test
    void a_paused_subscription_delivers_nothing_until_resumed_then_everything_it_missed() throws Exception {
        // given
        Receiver receiver = receiver();
        String id = create(Map.of("url", receiver.url(), "filter", Map.of("objective", "hook-pause-1")))
                .path("id").asText();
        EventWriter writer = new EventWriter(eventStore);
        String first = writer.define("hook-pause-1", "1");
        await().atMost(PATIENCE).until(() -> receiver.acknowledged().size() == 1);

        // when
        HttpResponse<String> paused = post("/api/subscriptions/" + id + "/pause", "");
        String second = writer.report("hook-pause-1", 1);
        String third = writer.report("hook-pause-1", 2);
        String fourth = writer.report("hook-pause-1", 3);
        String other = writer.report("hook-pause-other", 1);
        HttpResponse<String> pausedAgain = post("/api/subscriptions/" + id + "/pause", "");
        int beforeResume = receiver.requests().size();
        HttpResponse<String> resumed = post("/api/subscriptions/" + id + "/resume", "");

        // then
        assertThat(json(paused).path("state").asText()).isEqualTo("PAUSED");
        assertThat(pausedAgain.statusCode()).isEqualTo(409);
        assertThat(beforeResume).isEqualTo(1);
        assertThat(json(resumed).path("state").asText()).isEqualTo("ACTIVE");
        await().atMost(PATIENCE).until(() -> receiver.acknowledged().size() >= 4);
        assertThat(receiver.acknowledged()).containsExactly(first, second, third, fourth)
                .doesNotContain(other);
    }

    @Test
    void subscriptions_are_listed_shown_and_deleted() throws Exception {
        // given
        Receiver receiver = receiver();
        JsonNode created = create(Map.of("url", receiver.url(), "filter", Map.of("types",
                List.of("MilestoneAchieved", "org.roadmapledger.objective.status-reported.v1"))));
        String id = created.path("id").asText();

        // when
        JsonNode one = json(get("/api/subscriptions/" + id));
        JsonNode list = json(get("/api/subscriptions?size=500"));
        HttpResponse<String> deleted = http.send(TestIssuer.authorized(uri("/api/subscriptions/" + id)).DELETE()
                .build(), HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(created.path("secret").asText()).startsWith("whsec_");
        assertThat(created.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(one.path("filter").path("types")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("MilestoneAchieved", "StatusReported");
        assertThat(one.has("secret")).isFalse();
        assertThat(list.path("items")).anyMatch(item -> item.path("id").asText().equals(id));
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(get("/api/subscriptions/" + id).statusCode()).isEqualTo(404);
        assertThat(get("/api/subscriptions/" + id + "/deliveries").statusCode()).isEqualTo(404);
        assertThat(post("/api/subscriptions/" + id + "/pause", "").statusCode()).isEqualTo(404);
    }

    @Test
    void a_subscription_that_is_not_to_an_http_url_or_is_malformed_is_refused() throws Exception {
        // given
        Map<String, String> bodies = Map.of(
                "ftp", "{\"url\":\"ftp://example.org/hook\"}",
                "relative", "{\"url\":\"/hook\"}",
                "no host", "{\"url\":\"http:///hook\"}",
                "not a url", "{\"url\":\"not a url\"}",
                "missing", "{\"description\":\"no url\"}",
                "secret", "{\"url\":\"http://example.org/hook\",\"secret\":\"hunter2\"}",
                "unknown field", "{\"url\":\"http://example.org/hook\",\"urls\":[]}",
                "bad type", "{\"url\":\"http://example.org/hook\",\"filter\":{\"types\":[\"Nope\"]}}",
                "bad position", "{\"url\":\"http://example.org/hook\",\"after\":\"AAAA\"}",
                "not json", "{\"url\":");
        long before = json(get("/api/subscriptions?size=500")).path("totalItems").asLong();

        // when
        Map<String, HttpResponse<String>> responses = new java.util.HashMap<>();
        for (Map.Entry<String, String> body : bodies.entrySet()) {
            responses.put(body.getKey(), post("/api/subscriptions", body.getValue()));
        }

        // then
        responses.forEach((name, response) -> {
            assertThat(response.statusCode()).as(name).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(name).hasValue("application/problem+json");
        });
        assertThat(json(responses.get("ftp")).path("errors").get(0).path("field").asText()).isEqualTo("url");
        assertThat(json(responses.get("bad type")).path("errors").get(0).path("field").asText())
                .isEqualTo("filter.types");
        assertThat(json(responses.get("unknown field")).path("errors").get(0).path("field").asText())
                .isEqualTo("urls");
        assertThat(json(get("/api/subscriptions?size=500")).path("totalItems").asLong()).isEqualTo(before);
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private Receiver receiver() throws Exception {
        Receiver receiver = new Receiver();
        receivers.add(receiver);
        return receiver;
    }

    private JsonNode create(Map<String, Object> body) throws Exception {
        HttpResponse<String> response = post("/api/subscriptions", JSON.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(location ->
                assertThat(location).startsWith("/api/subscriptions/"));
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(TestIssuer.authorized(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(TestIssuer.authorized(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError(response.statusCode() + " " + response.body(), e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static Predicate<Receiver.Request> about(String eventId) {
        return request -> request.eventId().equals(eventId);
    }
}
