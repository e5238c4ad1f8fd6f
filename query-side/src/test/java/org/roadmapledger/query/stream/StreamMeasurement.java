package org.roadmapledger.query.stream;

import org.roadmapledger.platform.security.TestIssuer;
import org.roadmapledger.platform.store.EventStoreSchema;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.StatusReported;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.query.LedgerQueryApplication;
import org.roadmapledger.query.feed.LedgerFeed;
import org.roadmapledger.query.feed.Position;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures the change stream and the webhooks on a real embedded PostgreSQL (docs/events.md):
 * <ol>
 * <li>catch-up: one SSE client from the beginning of a ledger of {@code events} events, events/s received;</li>
 * <li>fan-out: {@code clients} SSE clients following live writes made by another event store (as the command
 * side's would be) at {@code rate} events/s for {@code seconds} s: delay from the commit to each receipt;</li>
 * <li>webhooks: one subscription delivering a backlog of {@code hookEvents} events to a local receiver that
 * answers 204 at once, events/s.</li>
 * </ol>
 * Run from the root, after {@code ./mvnw -q -pl query-side -am test-compile}:
 * <pre>
 * ./mvnw -q -pl query-side dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * CP=query-side/target/test-classes:query-side/target/classes:shared-api/target/classes:$(cat query-side/target/cp.txt)
 * java -Xmx3g -cp $CP org.roadmapledger.query.stream.StreamMeasurement \
 *   events=1000000 clients=200 rate=500 seconds=30 hookEvents=20000
 * </pre>
 */
public final class StreamMeasurement {

    private static final RoadmapId ROADMAP = RoadmapId.of("fr-digital-health-2023-2027");
    private static final LocalDate DAY = LocalDate.parse("2024-01-15");
    private static final int BATCH = 1000;

    private final Map<String, String> settings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(2)).build();
    private JdbcEventStorageEngine writer;
    private ConfigurableApplicationContext service;
    private int port;
    private long objectives;

    private StreamMeasurement(Map<String, String> settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        Map<String, String> settings = new ConcurrentHashMap<>(Map.of("events", "1000000", "clients", "200",
                "rate", "500", "seconds", "30", "hookEvents", "20000"));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            settings.put(pair[0], pair[1]);
        }
        new StreamMeasurement(settings).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path directory = Files.createTempDirectory("stream-measurement-pg");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory)
                .setCleanDataDirectory(true).setServerConfig("synchronous_commit", "off").start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load()
                    .migrate();
            writer = engine(url);
            long events = Long.parseLong(settings.get("events"));
            load(events);
            service = start(url);
            port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            catchUp(events);
            fanOut(Integer.parseInt(settings.get("clients")), Integer.parseInt(settings.get("rate")),
                    Integer.parseInt(settings.get("seconds")));
            webhooks(Integer.parseInt(settings.get("hookEvents")));
            service.close();
        }
    }

    // --- 1. catch-up ------------------------------------------------------------------------------------------------

    private void catchUp(long events) throws Exception {
        AtomicLong received = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        long start = System.nanoTime();
        HttpRequest request = TestIssuer.authorized(URI.create("http://localhost:" + port + "/api/events/stream"))
                .GET().build();
        http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Counting(line -> {
            if (line.startsWith("data: ") && received.incrementAndGet() == events) {
                done.countDown();
            }
        })));
        while (!done.await(10, TimeUnit.SECONDS)) {
            long now = received.get();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("catch-up: %,d/%,d events (%.0f%%), %,.0f events/s%n", now, events,
                    100.0 * now / events, now / seconds);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("RESULT catch-up: one SSE client received %,d events from the beginning in %.1f s: "
                + "%,.0f events/s%n", events, seconds, events / seconds);
    }

    // --- 2. fan-out -------------------------------------------------------------------------------------------------

    private void fanOut(int clients, int rate, int seconds) throws Exception {
        List<List<long[]>> receipts = new ArrayList<>();
        Map<String, Integer> numbers = new ConcurrentHashMap<>();
        List<CountDownLatch> connected = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            List<long[]> mine = java.util.Collections.synchronizedList(new ArrayList<>());
            receipts.add(mine);
            CountDownLatch open = new CountDownLatch(1);
            connected.add(open);
            HttpRequest request = TestIssuer.authorized(URI.create("http://localhost:" + port
                    + "/api/events/stream?after=now")).GET().build();
            http.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Counting(line -> {
                if (line.startsWith("id: ")) {
                    open.countDown();
                } else if (line.startsWith("data: ")) {
                    long at = System.nanoTime();
                    int id = line.indexOf("\"id\":\"");
                    String eventId = line.substring(id + 6, line.indexOf('"', id + 6));
                    mine.add(new long[] {at, eventId.hashCode()});
                }
            })));
        }
        for (CountDownLatch open : connected) {
            open.await(60, TimeUnit.SECONDS);
        }
        System.out.printf("fan-out: %d clients connected, %s live subscribers; writing %d events/s for %d s%n",
                clients, service.getBean(LedgerFeed.class).stats(), rate, seconds);
        int total = rate * seconds;
        long[] committed = new long[total];
        int[] hashes = new int[total];
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long next = System.nanoTime();
        for (int i = 0; i < total; i++) {
            LockSupport.parkNanos(next - System.nanoTime()); // pacing the writer, not waiting for a result
            next += interval;
            String eventId = UUID.randomUUID().toString();
            writer.appendEvents(List.of(report(i % 100, eventId)));
            committed[i] = System.nanoTime();
            hashes[i] = eventId.hashCode();
            numbers.put(eventId, i);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (receipts.stream().anyMatch(list -> list.size() < total) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        Map<Integer, Long> commitByHash = new java.util.HashMap<>();
        for (int i = 0; i < total; i++) {
            commitByHash.put(hashes[i], committed[i]);
        }
        long[] delays = new long[clients * total];
        int n = 0;
        int incomplete = 0;
        for (List<long[]> list : receipts) {
            if (list.size() < total) {
                incomplete++;
            }
            synchronized (list) {
                for (long[] receipt : list) {
                    Long commit = commitByHash.get((int) receipt[1]);
                    if (commit != null) {
                        delays[n++] = receipt[0] - commit;
                    }
                }
            }
        }
        long[] sorted = Arrays.copyOf(delays, n);
        Arrays.sort(sorted);
        System.out.printf("RESULT fan-out: %d clients x %,d events at %d events/s (%d clients incomplete): "
                        + "commit->receipt p50 %.1f ms, p99 %.1f ms, max %.1f ms (%,d samples)%n", clients, total,
                rate, incomplete, sorted[n / 2] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sorted[n - 1] / 1e6, n);
    }

    // --- 3. webhooks ------------------------------------------------------------------------------------------------

    private void webhooks(int events) throws Exception {
        Position mark = service.getBean(LedgerFeed.class).storeHead();
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            batch.add(report(1000 + i % 100, UUID.randomUUID().toString()));
            if (batch.size() == BATCH) {
                writer.appendEvents(batch);
                batch.clear();
            }
        }
        writer.appendEvents(batch);
        AtomicLong acknowledged = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(2));
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(204, -1);
                if (acknowledged.incrementAndGet() == events) {
                    done.countDown();
                }
            }
        });
        receiver.start();
        long start = System.nanoTime();
        String body = new ObjectMapper().writeValueAsString(Map.of("url", "http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hook", "after", mark.encode()));
        HttpResponse<String> created = http.send(TestIssuer.authorized(URI.create("http://localhost:" + port
                        + "/api/subscriptions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(created.body());
        }
        while (!done.await(10, TimeUnit.SECONDS)) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("webhooks: %,d/%,d delivered (%.0f%%), %,.0f events/s%n", acknowledged.get(), events,
                    100.0 * acknowledged.get() / events, acknowledged.get() / seconds);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("RESULT webhooks: %,d events delivered to one local receiver in %.1f s: %,.0f events/s%n",
                events, seconds, events / seconds);
        receiver.stop(0);
    }

    // --- the ledger -------------------------------------------------------------------------------------------------

    private void load(long events) {
        long start = System.nanoTime();
        objectives = Math.max(1, events / 100);
        // the history was recorded before the service started, as in a ledger that has been running for a while
        Instant history = Instant.now().minus(java.time.Duration.ofDays(1));
        List<EventMessage<?>> batch = new ArrayList<>(BATCH);
        long written = 0;
        for (long o = 0; o < objectives; o++) {
            batch.add(message(new ObjectiveDefined(ObjectiveId.of("M" + o), ROADMAP, "1", "1.P1", "Objectif " + o,
                    null, DAY), "M" + o, 0, UUID.randomUUID().toString(), history));
        }
        while (written + batch.size() < events) {
            long o = (written + batch.size()) % objectives;
            long sequence = (written + batch.size()) / objectives;
            batch.add(message(new StatusReported(ObjectiveId.of("M" + o), ObjectiveStatus.ON_TRACK,
                    (int) (sequence % 100), "point", DAY), "M" + o, sequence, UUID.randomUUID().toString(), history));
            if (batch.size() >= BATCH) {
                writer.appendEvents(batch);
                written += batch.size();
                batch.clear();
                if (written % 100_000 < BATCH) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    System.out.printf("load: %,d/%,d events (%.0f%%), %,.0f events/s%n", written, events,
                            100.0 * written / events, written / seconds);
                }
            }
        }
        writer.appendEvents(batch);
        written += batch.size();
        System.out.printf("loaded %,d events in %.1f s%n", written, (System.nanoTime() - start) / 1e9);
    }

    private final Map<Integer, AtomicLong> liveSequences = new ConcurrentHashMap<>();

    /** A status report of one of the live objectives, which only this measurement writes after the load. */
    private EventMessage<?> report(int objective, String eventId) {
        String id = "L" + objective;
        long sequence = liveSequences.computeIfAbsent(objective, o -> new AtomicLong(-1)).incrementAndGet();
        ObjectiveEvent event = sequence == 0
                ? new ObjectiveDefined(ObjectiveId.of(id), ROADMAP, "2", "2.P1", "Objectif " + id, null, DAY)
                : new StatusReported(ObjectiveId.of(id), ObjectiveStatus.AT_RISK, (int) (sequence % 100), "live", DAY);
        return message(event, id, sequence, eventId, Instant.now());
    }

    private static EventMessage<?> message(ObjectiveEvent event, String id, long sequence, String eventId,
                                           Instant recordedAt) {
        return new GenericDomainEventMessage<>("Objective", id, sequence, event, MetaData.with("actor", "bench"),
                eventId, recordedAt);
    }

    private static JdbcEventStorageEngine engine(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        dataSource.setReWriteBatchedInserts(true);
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(EventStoreSchema.ledgerSchema())
                .build();
    }

    private ConfigurableApplicationContext start(String url) {
        // the projections stay idle (subscribing processors see only local events): the stream is measured alone
        return new SpringApplicationBuilder(LedgerQueryApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--ledger.embedded-mongo-backend=memory",
                "--axon.eventhandling.processors.objective-versions.mode=subscribing",
                "--axon.eventhandling.processors.audit-history.mode=subscribing",
                "--logging.level.root=WARN", "--logging.level.org.roadmapledger=INFO",
                "--ledger.stream.max-clients=1000");
    }

    /** Hands every line to a consumer, asking for all of them: no back-pressure from the measuring side. */
    private record Counting(java.util.function.Consumer<String> lines) implements Flow.Subscriber<String> {
        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.accept(line);
        }

        @Override
        public void onError(Throwable throwable) {
            System.out.println("stream ended: " + throwable);
        }

        @Override
        public void onComplete() {
            System.out.println("stream completed");
        }
    }
}
