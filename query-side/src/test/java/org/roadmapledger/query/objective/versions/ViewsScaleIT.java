package org.roadmapledger.query.objective.versions;

import org.roadmapledger.platform.security.TestIssuer;
import org.roadmapledger.platform.store.EventStoreSchema;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.ds.PGSimpleDataSource;
import org.roadmapledger.api.objective.MilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.MilestonePlanned;
import org.roadmapledger.api.objective.MilestoneRescheduled;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.SponsorAssigned;
import org.roadmapledger.api.objective.StatusReported;
import org.roadmapledger.api.roadmap.AxisDefinition;
import org.roadmapledger.api.roadmap.PriorityDefinition;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.api.roadmap.RoadmapStructurePublished;
import org.roadmapledger.query.LedgerQueryApplication;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scale check, run on demand only ({@code -Dledger.scale=on}, see docs/architecture.md): a seeded history of
 * {@code scale.roadmapObjectives} objectives of the roadmap with {@code scale.eventsPerObjective} events each,
 * plus {@code scale.extraObjectives} objectives of another roadmap with {@code scale.eventsPerExtra} events each,
 * appended through Axon's JDBC engine in batches into an embedded PostgreSQL; then, for each backend of
 * {@code scale.backends} (h2, memory), the query side replays it from scratch into a new embedded MongoDB-wire
 * server and answers random reads over HTTP. It prints, and writes to {@code target/scale-report.md}: the replay
 * rate, and p50/p99 of a single objective at a random asOf/validAt, of {@code /api/roadmap} at a random asOf and
 * of a random 50-item page of {@code /api/objectives}.
 */
@EnabledIfSystemProperty(named = "ledger.scale", matches = ".+")
class ViewsScaleIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String ROADMAP = "fr-digital-health-2023-2027";
    private static final String EXTRA_ROADMAP = "scale-extra";
    private static final LocalDate LAUNCH = LocalDate.parse("2023-05-17");
    private static final Instant FROM = LAUNCH.plusDays(1).atStartOfDay(PARIS).toInstant();
    private static final Instant UNTIL = Instant.parse("2025-11-01T00:00:00Z");
    private static final String[] SPONSORS = {"ANS", "CNAM", "DNS"};
    private static final ObjectiveStatus[] STATUSES =
            {ObjectiveStatus.ON_TRACK, ObjectiveStatus.ON_TRACK, ObjectiveStatus.AT_RISK, ObjectiveStatus.LATE};

    private final int roadmapObjectives = Integer.getInteger("scale.roadmapObjectives", 65);
    private final int eventsPerObjective = Integer.getInteger("scale.eventsPerObjective", 3000);
    private final int extraObjectives = Integer.getInteger("scale.extraObjectives", 10_000);
    private final int eventsPerExtra = Integer.getInteger("scale.eventsPerExtra", 20);
    private final int requests = Integer.getInteger("scale.requests", 500);
    private final String batchSize = System.getProperty("scale.batchSize", "");
    private final String segments = System.getProperty("scale.segments", "");
    private final int fetchSize = Integer.getInteger("scale.fetchSize", 0);
    private final List<String> backends = List.of(System.getProperty("scale.backends", "h2,memory").split(","));
    private final HttpClient http = HttpClient.newHttpClient();
    private final StringBuilder report = new StringBuilder();

    private record Appended(long sequence, Instant recordedAt, ObjectiveEvent event) {
    }

    @Test
    void replays_a_large_ledger_and_answers_random_reads() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60))
                .start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Flyway.configure().dataSource(url, "postgres", "postgres").load().migrate();
            long events = load(url);
            line("# Scale check: %,d events (%d objectives x %d, %,d x %d), batch size %s, segments %s%n", events,
                    roadmapObjectives, eventsPerObjective, extraObjectives, eventsPerExtra,
                    batchSize.isEmpty() ? "default" : batchSize, segments.isEmpty() ? "default" : segments);
            for (String backend : backends) {
                measure(url, backend, events);
            }
        }
        Path file = Path.of("target", "scale-report.md");
        Files.writeString(file, report, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private void measure(String url, String backend, long events) throws Exception {
        Path dataDir = Files.createTempDirectory("scale-views");
        List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + url,
                "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                "ledger.embedded-mongo=true", "ledger.embedded-mongo-backend=" + backend,
                "ledger.data-dir=" + dataDir, "ledger.roadmap-id=" + ROADMAP, "server.port=0",
                "logging.level.org.roadmapledger=WARN"));
        for (String group : List.of("objective-versions", "audit-history")) {
            if (!batchSize.isEmpty()) {
                properties.add("axon.eventhandling.processors." + group + ".batch-size=" + batchSize);
            }
            if (!segments.isEmpty()) {
                properties.add("axon.eventhandling.processors." + group + ".initial-segment-count=" + segments);
                properties.add("axon.eventhandling.processors." + group + ".thread-count=" + segments);
            }
        }
        long started = System.nanoTime();
        SpringApplicationBuilder application = fetchSize > 0
                ? new SpringApplicationBuilder(LedgerQueryApplication.class, EventFetchSize.class)
                : new SpringApplicationBuilder(LedgerQueryApplication.class);
        if (fetchSize > 0) {
            properties.add("scale.fetchSize=" + fetchSize);
        }
        try (ConfigurableApplicationContext context = application
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new))) {
            long ready = System.nanoTime();
            long head = events + 1; // the roadmap structure too
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            long before = slowestPosition(processing);
            long cpuBefore = processCpuNanos();
            double seconds = awaitReplay(processing, head, ready);
            double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
            line("%n## %s backend%n%n- replay from scratch: %,.0f events/s once started (%,d events in %.1f s after "
                    + "a start-up of %.1f s, which replayed %,d of them); this JVM's CPU time %.1f s, %.0f µs per "
                    + "event (a rate the machine's other load does not change much)%n", backend,
                    (head - before) / seconds, events, seconds, (ready - started) / 1e9, before, cpuSeconds,
                    cpuSeconds * 1e6 / (head - before));
            System.gc();
            line("- heap after the replay and a full collection: %,d MB used of %,d MB max%n",
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            Random random = new Random(42);
            Supplier<String> anyInstant = () -> FROM.plusSeconds((long) (random.nextDouble()
                    * Duration.between(FROM, UNTIL).toSeconds())).toString();
            Supplier<String> anyDate = () -> LAUNCH.plusDays(random.nextInt(900)).toString();
            String page = get(port, "/api/objectives?size=1");
            long total = Long.parseLong(page.replaceAll(".*\"totalItems\":(\\d+).*", "$1"));
            latency(port, "single roadmap objective, random asOf and validAt", () -> "/api/objectives/"
                    + roadmapObjective(random.nextInt(roadmapObjectives)) + "?asOf=" + anyInstant.get()
                    + "&validAt=" + anyDate.get());
            latency(port, "single objective of all, random asOf and validAt", () -> "/api/objectives/"
                    + anyObjective(random) + "?asOf=" + anyInstant.get() + "&validAt=" + anyDate.get());
            latency(port, "/api/roadmap, random asOf", () -> "/api/roadmap?asOf=" + anyInstant.get());
            latency(port, "/api/objectives, random 50-item page, now", () -> "/api/objectives?size=50&page="
                    + random.nextInt((int) Math.max(1, total / 50)));
            latency(port, "/api/objectives?priority=..., filtered page, now", () -> "/api/objectives?size=50"
                    + "&priority=" + priorityOf(random.nextInt(roadmapObjectives)));
            latency(port, "/api/objectives/{id}/history, random page of 50", () -> "/api/objectives/"
                    + roadmapObjective(random.nextInt(roadmapObjectives)) + "/history?size=50&page="
                    + random.nextInt(eventsPerObjective / 50));
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long slowestPosition(EventProcessingConfiguration processing) {
        long slowest = Long.MAX_VALUE;
        for (var processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                for (EventTrackerStatus status : streaming.processingStatus().values()) {
                    slowest = Math.min(slowest, status.getCurrentPosition().orElse(0));
                }
            }
        }
        return slowest == Long.MAX_VALUE ? 0 : slowest;
    }

    /** Waits until every segment of both processors is caught up with the store's head; logs progress. */
    private double awaitReplay(EventProcessingConfiguration processing, long head, long started) {
        AtomicLong lastLog = new AtomicLong();
        await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            double elapsed = (System.nanoTime() - started) / 1e9;
            if (elapsed - lastLog.get() >= 10) {
                lastLog.set((long) elapsed);
                long slowest = slowestPosition(processing);
                System.out.printf("replay: %,d/%,d (%.0f%%), %,.0f events/s%n", slowest, head,
                        100.0 * slowest / head, slowest / elapsed);
            }
            return caughtUp(processing, head);
        });
        return (System.nanoTime() - started) / 1e9;
    }

    private static boolean caughtUp(EventProcessingConfiguration processing, long head) {
        for (var processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                var statuses = streaming.processingStatus().values();
                if (statuses.isEmpty()) {
                    return false;
                }
                for (EventTrackerStatus status : statuses) {
                    if (!status.isCaughtUp() || status.getCurrentPosition().orElse(-1) < head) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private void latency(int port, String what, Supplier<String> path) throws Exception {
        for (int i = 0; i < Math.min(200, requests); i++) {
            get(port, path.get());
        }
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            String next = path.get();
            long start = System.nanoTime();
            get(port, next);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        line("- %s: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests)%n", what, nanos[requests / 2] / 1e6,
                nanos[(int) Math.ceil(requests * 0.99) - 1] / 1e6, nanos[requests - 1] / 1e6, requests);
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(TestIssuer.authorized(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + " " + response.body()).isIn(200, 404);
        return response.body();
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.print(text);
        report.append(text);
    }

    // --- the history ------------------------------------------------------------------------------------------

    private long load(String url) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser("postgres");
        dataSource.setPassword("postgres");
        dataSource.setReWriteBatchedInserts(true);
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder().connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE).eventSerializer(serializer)
                .snapshotSerializer(serializer).schema(schema()).build();
        engine.appendEvents(new GenericDomainEventMessage<>("Roadmap", ROADMAP, 0, structure(), MetaData.emptyInstance(),
                UUID.randomUUID().toString(), LAUNCH.atStartOfDay(PARIS).toInstant()));
        List<Map.Entry<String, Appended>> all = new ArrayList<>();
        Random random = new Random(1);
        for (int i = 0; i < roadmapObjectives; i++) {
            generate(roadmapObjective(i), ROADMAP, i, FROM, eventsPerObjective, random)
                    .forEach(e -> all.add(Map.entry(e.event().objectiveId().value(), e)));
        }
        long span = Duration.between(FROM, UNTIL.minus(Duration.ofDays(30))).toSeconds();
        for (int i = 1; i <= extraObjectives; i++) {
            Instant start = FROM.plusSeconds((long) (random.nextDouble() * span));
            generate(String.format("X%05d", i), EXTRA_ROADMAP, i, start, eventsPerExtra, random)
                    .forEach(e -> all.add(Map.entry(e.event().objectiveId().value(), e)));
        }
        all.sort(Comparator.comparing((Map.Entry<String, Appended> e) -> e.getValue().recordedAt())
                .thenComparing(Map.Entry::getKey).thenComparingLong(e -> e.getValue().sequence()));
        List<EventMessage<?>> batch = new ArrayList<>(1000);
        long started = System.nanoTime();
        for (Map.Entry<String, Appended> e : all) {
            batch.add(new GenericDomainEventMessage<>("Objective", e.getKey(), e.getValue().sequence(),
                    e.getValue().event(), MetaData.with("actor", "scale:loader").and("correlationId", "scale"),
                    UUID.randomUUID().toString(), e.getValue().recordedAt()));
            if (batch.size() == 1000) {
                engine.appendEvents(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
        }
        System.out.printf("loaded %,d events in %.1f s%n", all.size(), (System.nanoTime() - started) / 1e9);
        return all.size();
    }

    /** One objective's life: mostly status reports, some sponsor changes and milestones, a few backdated. */
    private static List<Appended> generate(String objectiveId, String roadmapId, int index, Instant from, int count,
                                           Random random) {
        ObjectiveId id = ObjectiveId.of(objectiveId);
        Duration step = Duration.between(from, UNTIL).dividedBy(Math.max(1, count));
        LocalDate definedOn = LocalDate.ofInstant(from, PARIS);
        List<Appended> events = new ArrayList<>(count);
        events.add(new Appended(0, from, new ObjectiveDefined(id, RoadmapId.of(roadmapId), axisOf(index),
                priorityOf(index), "Objectif " + objectiveId, null, definedOn)));
        String sponsor = null;
        int milestones = 0;
        int stage = -1;
        LocalDate dueOn = null;
        for (int sequence = 1; sequence < count; sequence++) {
            Instant at = from.plus(step.multipliedBy(sequence));
            LocalDate on = LocalDate.ofInstant(at, PARIS);
            int kind = random.nextInt(100);
            ObjectiveEvent event;
            if (kind < 4) {
                String previous = sponsor;
                sponsor = SPONSORS[(Arrays.asList(SPONSORS).indexOf(sponsor) + 1 + random.nextInt(2)) % 3];
                event = new SponsorAssigned(id, sponsor, previous, "rotation", on);
            } else if (kind < 10) {
                MilestoneId milestone = MilestoneId.of("L" + (stage < 0 ? ++milestones : milestones));
                if (stage < 0) {
                    dueOn = on.plusDays(30 + random.nextInt(200));
                    event = new MilestonePlanned(id, milestone, "Jalon " + milestones, dueOn, on);
                    stage = 0;
                } else if (stage == 0) {
                    LocalDate previous = dueOn;
                    dueOn = dueOn.plusDays(1 + random.nextInt(60));
                    event = new MilestoneRescheduled(id, milestone, dueOn, previous, "replanification", on);
                    stage = 1;
                } else {
                    event = new MilestoneAchieved(id, milestone, on, "livré", on);
                    stage = -1;
                }
            } else {
                LocalDate effective = kind < 12 ? on.minusDays(30) : on;
                event = new StatusReported(id, STATUSES[random.nextInt(STATUSES.length)], random.nextInt(101), null,
                        effective.isBefore(definedOn) ? definedOn : effective);
            }
            events.add(new Appended(sequence, at, event));
        }
        return events;
    }

    private static String roadmapObjective(int index) {
        return String.format("%d.%02d", 1 + index % 4, 1 + index / 4);
    }

    private String anyObjective(Random random) {
        int pick = random.nextInt(roadmapObjectives + extraObjectives);
        return pick < roadmapObjectives ? roadmapObjective(pick) : String.format("X%05d", pick - roadmapObjectives + 1);
    }

    private static String axisOf(int index) {
        return String.valueOf(1 + index % 4);
    }

    private static String priorityOf(int index) {
        return axisOf(index) + ".P" + (1 + index % 5);
    }

    private static RoadmapStructurePublished structure() {
        List<AxisDefinition> axes = new ArrayList<>();
        for (int axis = 1; axis <= 4; axis++) {
            List<PriorityDefinition> priorities = new ArrayList<>();
            for (int p = 1; p <= 5; p++) {
                priorities.add(new PriorityDefinition(axis + ".P" + p, "Priorité " + axis + ".P" + p));
            }
            axes.add(new AxisDefinition(String.valueOf(axis), "Axe " + axis, priorities));
        }
        return new RoadmapStructurePublished(RoadmapId.of(ROADMAP), 1, "Feuille de route (échelle)", axes, LAUNCH);
    }

    /**
     * The event store as the query side builds it, reading {@code scale.fetchSize} events per query instead of
     * Axon's 100: registered only when asked for, to see whether reading the store bounds the replay.
     */
    static class EventFetchSize {

        @Bean
        EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer")
                Serializer eventSerializer, DataSource dataSource, TransactionManager transactions, EventSchema schema,
                                              Environment environment) {
            return JdbcEventStorageEngine.builder().snapshotSerializer(serializer).eventSerializer(eventSerializer)
                    .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                    .transactionManager(transactions).schema(schema)
                    .batchSize(Integer.parseInt(environment.getProperty("scale.fetchSize", "100"))).build();
        }
    }

    private static EventSchema schema() {
        return EventStoreSchema.ledgerSchema();
    }
}
