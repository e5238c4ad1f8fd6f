package org.roadmapledger.query.replay;

import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.roadmapledger.query.EventStoreDatabase;
import org.roadmapledger.query.LedgerQueryApplication;
import org.roadmapledger.query.ObjectiveHistories;
import org.roadmapledger.query.history.HistoryEntry;
import org.roadmapledger.query.objective.versions.ObjectiveVersionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Not part of the build (the name matches no test pattern): measures a replay from scratch of ~100,000 events
 * into the embedded MongoDB-wire server for several processor batch sizes and segment counts, and checks that
 * every replay rebuilt complete views. Run it with
 * {@code ./mvnw -B -pl query-side -am verify -Dit.test=ReplayThroughputMeasurement -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}, optionally with
 * {@code -Dmeasure.events=100000 -Dmeasure.configs=100x2,500x2 -Dmeasure.backend=h2} (default: memory; the
 * H2 backend failed twice on a long scan with H2's "Chunk … not found", h2database#4383)
 * (each config is batch size x segments, one thread per segment). Results go to the log and to
 * {@code query-side/target/replay-measurement.txt}.
 */
class ReplayThroughputMeasurement {

    private static final Logger log = LoggerFactory.getLogger(ReplayThroughputMeasurement.class);
    private static final int EVENTS_PER_OBJECTIVE = 100;

    @Test
    void replay_throughput_per_batch_size_and_segment_count() throws IOException {
        int events = Integer.getInteger("measure.events", 100_000);
        String backend = System.getProperty("measure.backend", "memory");
        List<String> configs = List.of(System.getProperty("measure.configs",
                "100x2,500x2,1000x2,100x1,100x4,500x4").split(","));
        EventStoreDatabase store = EventStoreDatabase.create("replay_measurement");
        int objectives = events / EVENTS_PER_OBJECTIVE;
        Random random = new Random(100_000);
        List<EventMessage<?>> history = new ArrayList<>();
        for (int i = 0; i < objectives; i++) {
            history.addAll(ObjectiveHistories.of(String.format("bulk-%05d", i), EVENTS_PER_OBJECTIVE,
                    Instant.parse("2023-06-01T08:00:00Z").plus(Duration.ofMinutes(i)), random));
        }
        store.append(history);
        Map<String, String> database = store.properties();
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%d events (%d objectives x %d), MongoDB-wire server backend %s, %d cores",
                objectives * EVENTS_PER_OBJECTIVE, objectives, EVENTS_PER_OBJECTIVE, backend,
                Runtime.getRuntime().availableProcessors()));
        lines.add("batch size | segments | seconds | events/s");
        // The first replay after the bulk load runs at about half the speed of the next ones, whatever the
        // configuration (cold PostgreSQL pages and a cold JIT, it seems): a warm-up, not reported.
        measure(database, backend, 500, 2, objectives);
        for (String config : configs) {
            String[] parts = config.trim().split("x");
            int batch = Integer.parseInt(parts[0]);
            int segments = Integer.parseInt(parts[1]);
            ReplayProgress done = measure(database, backend, batch, segments, objectives);
            double seconds = Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1000.0;
            String line = String.format("%10d | %8d | %7.1f | %8.0f", batch, segments, seconds,
                    done.eventsTotal() / seconds);
            log.info("Replay measurement: {}", line);
            lines.add(line);
        }
        Path report = Path.of("target", "replay-measurement.txt");
        Files.write(report, lines);
        log.info("Replay measurement:\n{}", String.join("\n", lines));
    }

    private ReplayProgress measure(Map<String, String> database, String backend, int batch, int segments,
                                   int objectives) throws IOException {
        Path dataDir = Files.createTempDirectory("replay-measurement");
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--ledger.reconciliation-interval=0",
                "--ledger.embedded-mongo-backend=" + backend, "--ledger.data-dir=" + dataDir,
                "--logging.level.de.bwaldvogel=WARN"));
        for (String processor : List.of("objective-versions", "audit-history")) {
            String prefix = "--axon.eventhandling.processors." + processor + ".";
            args.add(prefix + "batch-size=" + batch);
            args.add(prefix + "initial-segment-count=" + segments);
            args.add(prefix + "thread-count=" + segments);
        }
        database.forEach((name, value) -> args.add("--" + name + "=" + value));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LedgerQueryApplication.class)
                .run(args.toArray(String[]::new))) {
            Replay replay = context.getBean(Replay.class);
            replay.start();
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> replay.progress().state() == Replay.State.COMPLETED);
            MongoTemplate mongo = context.getBean(MongoTemplate.class);
            assertThat(mongo.count(new Query(), HistoryEntry.class))
                    .isEqualTo((long) objectives * EVENTS_PER_OBJECTIVE);
            assertThat(mongo.count(Query.query(where("lastSequence").is(EVENTS_PER_OBJECTIVE - 1)),
                    ObjectiveVersionStore.POSITIONS)).isEqualTo(objectives);
            return replay.progress();
        }
    }
}
