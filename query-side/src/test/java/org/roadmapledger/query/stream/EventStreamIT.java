package org.roadmapledger.query.stream;

import org.roadmapledger.platform.security.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.StatusReported;
import org.roadmapledger.query.QueryTestInfrastructure;
import org.roadmapledger.query.feed.EventWriter;
import org.roadmapledger.query.feed.LedgerFeed;
import org.roadmapledger.query.feed.Position;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The change stream over HTTP against the real event store. The feed keeps only 256 live events here, so that
 * clients really catch up from the store before they join the live events, and a client that stops reading falls
 * behind after a few hundred.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.feed.live-buffer=256", "ledger.feed.poll-interval=20ms", "ledger.feed.batch=16",
        "ledger.stream.heartbeat=300ms", "ledger.stream.outbox=16KB", "ledger.events.source=urn:test:ledger"})
@Import(EventStreamIT.SmallSendBuffers.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EventStreamIT {

    /**
     * Send buffers of 16 KiB instead of the megabytes Linux grows them to on loopback, so that a client that stops
     * reading is full after a few hundred events, not a few thousand.
     */
    @TestConfiguration
    static class SmallSendBuffers {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSendBuffers() {
            return factory -> factory.addConnectorCustomizers(connector ->
                    connector.setProperty("socket.txBufSize", "16384"));
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        QueryTestInfrastructure.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    LedgerFeed feed;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    SseSessions sessions;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<SseClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(SseClient::close);
        // each test starts with no stream open: the server notices a closed client at its next heartbeat
        until(() -> sessions.open() == 0);
    }

    @Test
    void a_client_that_catches_up_while_a_writer_appends_receives_exactly_the_store_order() throws Exception {
        // given
        EventWriter writer = new EventWriter(eventStore);
        Position mark = feed.now();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            written.add(i % 10 == 0 ? writer.define("seam-" + i / 10, "1") : writer.report("seam-" + i / 10, i));
        }
        // the shared reader has read past the mark's reach (its ring is shorter than 400), so the client must
        // catch up from the store and then join, however slowly this machine runs
        Position written400 = feed.storeHead();
        until(() -> feed.now().index() >= written400.index());
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread appender = new Thread(() -> {
            for (int i = 400; i < 700; i++) {
                String objective = "seam-" + i / 10;
                synchronized (written) {
                    written.add(i % 10 == 0 ? writer.define(objective, "2") : writer.report(objective, i % 100));
                }
            }
            writing.set(false);
        });

        // when
        appender.start();
        SseClient client = open("/api/events/stream?after=" + mark.encode());
        appender.join();

        // then
        awaitEvents(client, written.size());
        assertThat(writing).isFalse();
        assertThat(feed.stats().joined()).as("clients that caught up from the store, then joined").isPositive();
        assertThat(client.eventIds()).containsExactlyElementsOf(EventWriter.storeOrder(eventStore, mark, 700));
        assertThat(client.eventIds()).containsExactlyElementsOf(written);
    }

    @Test
    void concurrent_writers_reach_a_following_client_once_each_in_each_objectives_order() throws Exception {
        // given
        EventWriter writer = new EventWriter(eventStore);
        Position mark = feed.now();
        SseClient client = open("/api/events/stream?after=" + mark.encode());
        Map<String, List<String>> perObjective = new HashMap<>();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String objective = "race-" + w;
            List<String> ids = new ArrayList<>();
            perObjective.put(objective, ids);
            writers.add(new Thread(() -> {
                ids.add(writer.define(objective, "1"));
                for (int i = 1; i < 60; i++) {
                    ids.add(writer.report(objective, i));
                }
            }));
        }

        // when
        writers.forEach(Thread::start);
        for (Thread thread : writers) {
            thread.join();
        }

        // then
        until(() -> client.events().size() >= 240);
        List<String> received = client.eventIds();
        assertThat(received).hasSize(240).doesNotHaveDuplicates();
        for (List<String> ids : perObjective.values()) {
            assertThat(received.stream().filter(ids::contains).toList()).containsExactlyElementsOf(ids);
        }
        assertThat(new HashSet<>(received)).isEqualTo(new HashSet<>(EventWriter.storeOrder(eventStore, mark, 240)));
    }

    @Test
    void every_event_is_a_cloud_event_with_the_ledgers_names_and_its_position() throws Exception {
        // given
        EventWriter writer = new EventWriter(eventStore);
        Position mark = feed.now();
        String eventId = writer.define("envelope-1", "3");

        // when
        SseClient client = open("/api/events/stream?objective=envelope-1&after=" + mark.encode());

        // then
        until(() -> client.events().size() == 1);
        SseClient.Event event = client.events().get(0);
        JsonNode cloudEvent = CloudEventJson.parse(event.data());
        assertThat(event.type()).isEqualTo("ObjectiveDefined");
        assertThat(cloudEvent.path("specversion").asText()).isEqualTo("1.0");
        assertThat(cloudEvent.path("id").asText()).isEqualTo(eventId);
        assertThat(cloudEvent.path("source").asText()).isEqualTo("urn:test:ledger");
        assertThat(cloudEvent.path("type").asText()).isEqualTo("org.roadmapledger.objective.objective-defined.v2");
        assertThat(cloudEvent.path("subject").asText()).isEqualTo("envelope-1");
        assertThat(cloudEvent.path("time").asText()).endsWith("Z");
        assertThat(cloudEvent.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(cloudEvent.path("subjectversion").asLong()).isZero();
        assertThat(cloudEvent.path("ledgerposition").asText()).isEqualTo(event.id());
        assertThat(cloudEvent.path("data").path("objectiveId").asText()).isEqualTo("envelope-1");
        assertThat(cloudEvent.path("data").path("axis").asText()).isEqualTo("3");
        assertThat(cloudEvent.path("data").path("effectiveOn").asText()).isEqualTo("2024-01-15");
    }

    @Test
    void bad_positions_and_filters_are_refused_before_the_stream_starts() throws Exception {
        // given
        String beyond = Position.of(GapAwareTrackingToken.newInstance(feed.now().index() + 1_000_000, List.of()))
                .encode();
        String otherStore = Position.of(new GlobalSequenceTrackingToken(3)).encode();
        String tampered = feed.now().encode() + "x";
        Random random = new Random(42);
        byte[] noise = new byte[12];
        random.nextBytes(noise);
        String garbage = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(noise);

        // when
        Map<String, HttpResponse<String>> responses = new HashMap<>();
        for (String query : List.of("after=" + garbage, "after=" + tampered, "after=" + beyond,
                "after=" + otherStore, "after=%20%2F%2F", "types=MilestoneAchieved,NoSuchEvent",
                "objective=" + URLEncoder.encode("not an id", StandardCharsets.UTF_8), "axis=" + "x".repeat(33),
                "objectiv=1.01")) {
            responses.put(query, get("/api/events/stream?" + query, null));
        }
        responses.put("Last-Event-ID", get("/api/events/stream", garbage));

        // then
        responses.forEach((query, response) -> {
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(query).hasValue("application/problem+json");
            assertThat(response.body()).as(query).contains("\"errors\"");
        });
        assertThat(responses.get("Last-Event-ID").body()).contains("Last-Event-ID");
        assertThat(responses.get("after=" + beyond).body()).contains("beyond the newest event");
    }

    @Test
    void an_event_that_commits_after_later_ones_reaches_live_and_resuming_clients_once() throws Exception {
        // given
        EventWriter writer = new EventWriter(eventStore);
        writer.define("sse-late-1", "1");
        Position mark = feed.storeHead();
        SseClient client = open("/api/events/stream?after=" + mark.encode());
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var late = writer.next(new StatusReported(ObjectiveId.of("sse-late-1"), ObjectiveStatus.AT_RISK, 10, "late",
                LocalDate.parse("2024-02-01")));
        Thread holder = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            eventStore.publish(late);
            inserted.countDown();
            awaitQuietly(release);
        }));
        holder.start();
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
        List<String> committed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            committed.add(writer.report("sse-late-2", i));
        }
        until(() -> client.events().size() >= 5);
        String beforeTheLateOne = client.events().get(client.events().size() - 1).id();

        // when
        release.countDown();
        holder.join();
        SseClient resumed = SseClient.connect("http://localhost:" + port + "/api/events/stream",
                beforeTheLateOne);
        clients.add(resumed);
        String sentinel = writer.report("sse-late-2", 99);

        // then
        until(() -> client.events().size() >= 7 && resumed.events().size() >= 2);
        assertThat(client.eventIds().subList(0, 5)).containsExactlyElementsOf(committed);
        assertThat(client.eventIds()).hasSize(7).doesNotHaveDuplicates().contains(late.getIdentifier())
                .endsWith(sentinel);
        assertThat(resumed.eventIds()).containsExactly(late.getIdentifier(), sentinel);
    }

    @Test
    void a_client_that_disconnects_in_the_middle_resumes_with_exactly_the_rest() throws Exception {
        // given
        EventWriter writer = new EventWriter(eventStore);
        Position mark = feed.now();
        List<String> written = new ArrayList<>();
        written.add(writer.define("resume-1", "1"));
        for (int i = 1; i < 200; i++) {
            written.add(writer.report("resume-1", i % 100));
        }
        SseClient first = open("/api/events/stream?objective=resume-1&after=" + mark.encode());
        awaitEvents(first, 80);
        first.close();
        List<SseClient.Event> received = first.events();
        String lastId = received.get(received.size() - 1).id();

        // when
        for (int i = 0; i < 20; i++) {
            written.add(writer.report("resume-1", i));
        }
        SseClient byHeader = SseClient.connect("http://localhost:" + port
                + "/api/events/stream?objective=resume-1&after=" + mark.encode(), lastId);
        SseClient byParameter = open("/api/events/stream?objective=resume-1&after=" + lastId);
        clients.add(byHeader);

        // then
        int rest = written.size() - received.size();
        until(() -> byHeader.events().size() >= rest && byParameter.events().size() >= rest);
        List<String> expected = written.subList(received.size(), written.size());
        assertThat(ids(received)).containsExactlyInAnyOrderElementsOf(written.subList(0, received.size()));
        assertThat(byHeader.eventIds()).containsExactlyElementsOf(expected);
        assertThat(byParameter.eventIds()).containsExactlyElementsOf(expected);
    }

    @Test
    void a_filtered_stream_moves_its_position_past_what_it_filters_out() throws Exception {
        // given
        EventWriter writer = new EventWriter(eventStore);
        Position mark = feed.now();
        String wanted = writer.define("quiet-1", "1");
        SseClient client = open("/api/events/stream?objective=quiet-1&after=" + mark.encode());
        until(() -> client.events().size() == 1);
        String idOfTheOnlyEvent = client.events().get(0).id();

        // when
        for (int i = 0; i < 30; i++) {
            writer.report("noise-1", i);
        }
        Position afterNoise = feed.storeHead();

        // then
        // indexes, not gaps: a gap another writer leaves open (or a rolled-back insert leaves for good) is one the
        // store's head token claims and a stream's position keeps, so only the index tells how far it moved
        until(() -> Position.decode(client.lastEventId()).index() >= afterNoise.index());
        assertThat(client.events()).hasSize(1);
        assertThat(client.eventIds()).containsExactly(wanted);
        assertThat(client.lastEventId()).isNotEqualTo(idOfTheOnlyEvent);
        assertThat(client.comments()).contains("heartbeat");
        SseClient unfiltered = SseClient.connect("http://localhost:" + port + "/api/events/stream",
                client.lastEventId());
        clients.add(unfiltered);
        String next = writer.report("quiet-1", 50);
        until(() -> unfiltered.events().size() >= 1 && client.events().size() >= 2);
        assertThat(unfiltered.eventIds()).containsExactly(next);
        assertThat(client.eventIds()).containsExactly(wanted, next);
    }

    @Test
    void the_axis_filter_follows_objectives_into_and_out_of_the_axis() throws Exception {
        // given
        EventWriter writer = new EventWriter(eventStore);
        writer.define("axis-a", "7");
        writer.define("axis-b", "8");
        Position mark = feed.storeHead();
        SseClient client = open("/api/events/stream?axis=7&after=" + mark.encode());
        SseClient typed = open("/api/events/stream?types=ObjectiveMoved,"
                + "org.roadmapledger.objective.sponsor-assigned.v1&after=" + mark.encode());

        // when
        String aReported = writer.report("axis-a", 1);
        writer.report("axis-b", 2);
        String bMovedIn = writer.move("axis-b", "8", "7");
        String bReported = writer.report("axis-b", 3);
        String aMovedOut = writer.move("axis-a", "7", "8");
        writer.report("axis-a", 4);
        String bAssigned = writer.assign("axis-b", "ANS");
        String last = writer.report("axis-b", 5);

        // then
        until(() -> client.eventIds().contains(last));
        assertThat(client.eventIds()).containsExactly(aReported, bMovedIn, bReported, aMovedOut, bAssigned, last);
        until(() -> typed.events().size() >= 3);
        assertThat(typed.eventIds()).containsExactly(bMovedIn, aMovedOut, bAssigned);
    }

    @Test
    void two_hundred_clients_all_receive_every_event() throws Exception {
        // given
        EventWriter writer = new EventWriter(eventStore);
        List<SseClient> crowd = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            SseClient client = SseClient.connect("http://localhost:" + port + "/api/events/stream?after=now");
            crowd.add(client);
            clients.add(client);
        }
        until(() -> crowd.stream().allMatch(c -> !c.lastEventId().isEmpty()));

        // when
        List<String> written = new ArrayList<>();
        written.add(writer.define("crowd-1", "1"));
        for (int i = 1; i < 100; i++) {
            written.add(writer.report("crowd-1", i));
        }

        // then
        until(() -> crowd.stream().allMatch(c -> c.events().size() >= 100));
        for (SseClient client : crowd) {
            assertThat(client.eventIds()).containsExactlyElementsOf(written);
        }
    }

    @Test
    void a_client_that_stops_reading_is_disconnected_with_a_comment_and_resumes_from_its_last_event()
            throws Exception {
        // given
        EventWriter writer = new EventWriter(eventStore);
        writer.define("slow-1", "1");
        Position mark = feed.storeHead();
        int subscribersBefore = feed.stats().subscribers();
        List<String> written = new ArrayList<>();
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress("localhost", port));
            socket.getOutputStream().write(("GET /api/events/stream?after=" + mark.encode() + " HTTP/1.0\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: Bearer " + TestIssuer.shared().everyRole()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8), 256);
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); !line.startsWith("id: "); line = reader.readLine()) {
                lines.add(line);
            }
            until(() -> feed.stats().subscribers() > subscribersBefore);

            // when the client reads nothing more while events keep coming, until the feed lets it go
            while (feed.stats().subscribers() > subscribersBefore && written.size() < 2000) {
                written.add(writer.report("slow-1", written.size() % 100));
            }
            assertThat(written).as("events written before the feed let the client go").hasSizeLessThan(2000);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }

            // then
            assertThat(lines.get(0)).contains("200");
            assertThat(lines).anyMatch(line -> line.startsWith(": disconnected: this client fell more than 256"));
            List<String> ids = lines.stream().filter(line -> line.startsWith("id: ")).map(line -> line.substring(4))
                    .toList();
            List<String> received = lines.stream().filter(line -> line.startsWith("data: "))
                    .map(line -> CloudEventJson.id(line.substring(6))).toList();
            assertThat(received).isNotEmpty().hasSizeLessThan(written.size());
            assertThat(received).containsExactlyElementsOf(written.subList(0, received.size()));
            SseClient resumed = SseClient.connect("http://localhost:" + port + "/api/events/stream",
                    ids.get(ids.size() - 1));
            clients.add(resumed);
            int rest = written.size() - received.size();
            until(() -> resumed.events().size() >= rest);
            assertThat(resumed.eventIds()).containsExactlyElementsOf(written.subList(received.size(), written.size()));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitEvents(SseClient client, int expected) {
        until(() -> client.events().size() >= expected);
    }

    /** Awaits the condition; when it does not come, says where every connection and subscription stood. */
    private void until(java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(PATIENCE).until(condition);
        } catch (RuntimeException e) {
            StringBuilder dump = new StringBuilder("Stream state: " + sessions.open() + " connections "
                    + sessions.describe() + "; " + feed.describe() + "\n");
            for (SseClient client : clients) {
                dump.append("client: ").append(client.events().size()).append(" events, ended ").append(client.ended())
                        .append(", ").append(client.statusLine()).append(", ").append(client.diagnosis()).append('\n');
            }
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                dump.append("THREAD ").append(thread.getName()).append(' ').append(thread.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                    dump.append("    at ").append(frame).append('\n');
                }
            });
            System.out.println(dump);
            throw e;
        }
    }

    private SseClient open(String path) {
        SseClient client = SseClient.connect("http://localhost:" + port + path);
        clients.add(client);
        return client;
    }

    private HttpResponse<String> get(String path, String lastEventId) throws Exception {
        HttpRequest.Builder request = TestIssuer.authorized(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static Set<String> ids(List<SseClient.Event> events) {
        Set<String> ids = new HashSet<>();
        events.forEach(event -> ids.add(CloudEventJson.id(event.data())));
        return ids;
    }
}
