package org.roadmapledger.benchmarks;

import org.roadmapledger.platform.store.EventStoreSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.roadmapledger.platform.proof.EventRows;
import org.roadmapledger.platform.proof.MessageHashes;
import org.roadmapledger.proof.Canonical;
import org.roadmapledger.proof.Sha256;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.postgresql.ds.PGSimpleDataSource;
import org.roadmapledger.api.roadmap.AxisDefinition;
import org.roadmapledger.api.roadmap.PriorityDefinition;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.api.roadmap.RoadmapStructurePublished;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The documented bulk path to a large ledger: appends generated objective histories through Axon's own JDBC
 * storage engine and Jackson serializer, in batches, so the rows are those the command side would write; only
 * the recording times are chosen (spread between the last event in the store and now) instead of taken from the
 * clock, and effective dates span the roadmap's life. Run it on a ledger database the command side has created
 * and imported the roadmap into, while nothing else records (the standalone may run: its projections follow).
 */
final class EventLoader {

    static final LocalDate LAUNCH = LocalDate.parse("2023-05-17");
    static final String ROADMAP = "fr-digital-health-2023-2027";
    /** The further objectives' roadmap: kept out of the real one, whose {@code /api/roadmap} stays 65 objectives. */
    static final String FURTHER = "bench-further-objectives";
    private static final int BATCH = 1000;

    record Plan(int eventsPerRoadmapObjective, int extraObjectives, int eventsPerExtraObjective, long seed) {
    }

    private record Placed(String objectiveId, String axis, String priority, long lastSequence) {
    }

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    private final JdbcEventStorageEngine engine;
    private final JacksonSerializer serializer;
    /** The last hash of each aggregate the loader appends to: its events are chained as the command side's are. */
    private final Map<String, String> lastHash = new HashMap<>();

    EventLoader(String jdbcUrl, String user, String password) {
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setReWriteBatchedInserts(true);
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        engine = JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(schema())
                .build();
    }

    /**
     * Appends the plan's events; returns how many. Prints progress with a percentage and a rate. The events are
     * recorded after the last event already in the store and before now, so that recording order and sequence
     * order agree within every objective, as they do when the command side records; their effective dates span
     * the roadmap's life, from each objective's definition to today.
     */
    long load(Plan plan) throws SQLException {
        List<Placed> roadmapObjectives = roadmapObjectives();
        if (roadmapObjectives.isEmpty()) {
            throw new IllegalStateException("no objectives in the event store: start the command side once first, "
                    + "so that it imports the roadmap");
        }
        Instant from = lastRecorded().plusMillis(1);
        if (plan.extraObjectives() > 0 && !exists(FURTHER)) {
            engine.appendEvents(List.of(chain(new GenericDomainEventMessage<>("Roadmap", FURTHER, 0,
                    furtherStructure(roadmapObjectives), MetaData.with("actor", "bench:loader"),
                    UUID.randomUUID().toString(), from))));
            from = from.plusMillis(1);
        }
        Instant until = Instant.now();
        LocalDate today = LocalDate.ofInstant(until, HistoryGenerator.PARIS);
        PriorityQueue<HistoryGenerator> queue = new PriorityQueue<>(Comparator.comparing(HistoryGenerator::nextAt));
        long seed = plan.seed();
        for (Placed placed : roadmapObjectives) {
            queue.add(new HistoryGenerator(placed.objectiveId(), ROADMAP, placed.axis(),
                    placed.priority(), placed.lastSequence() + 1, LAUNCH, today, from, until,
                    plan.eventsPerRoadmapObjective(), seed++));
        }
        Random random = new Random(plan.seed());
        long window = Duration.between(from, until).toMillis();
        long days = LAUNCH.until(today.minusDays(30), ChronoUnit.DAYS);
        for (int i = 1; i <= plan.extraObjectives(); i++) {
            Placed placement = roadmapObjectives.get(i % roadmapObjectives.size());
            Instant start = from.plusMillis((long) (random.nextDouble() * window * 0.9));
            LocalDate definedOn = LAUNCH.plusDays((long) (random.nextDouble() * Math.max(0, days)));
            queue.add(new HistoryGenerator(String.format("X%05d", i), FURTHER,
                    placement.axis(), placement.priority(), 0, definedOn, today, start, until,
                    plan.eventsPerExtraObjective(), seed++));
        }
        long total = (long) roadmapObjectives.size() * plan.eventsPerRoadmapObjective()
                + (long) plan.extraObjectives() * plan.eventsPerExtraObjective();
        Progress progress = new Progress("load", total);
        List<EventMessage<?>> batch = new ArrayList<>(BATCH);
        long appended = 0;
        while (!queue.isEmpty()) {
            HistoryGenerator generator = queue.poll();
            HistoryGenerator.Next next = generator.next();
            batch.add(chain(new GenericDomainEventMessage<>("Objective", next.event().objectiveId().value(),
                    next.sequence(), next.event(), MetaData.with("actor", "bench:loader")
                    .and("correlationId", "bench-load"), UUID.randomUUID().toString(), next.recordedAt())));
            if (generator.hasNext()) {
                queue.add(generator);
            }
            if (batch.size() == BATCH) {
                engine.appendEvents(batch);
                appended += batch.size();
                batch.clear();
                progress.at(appended);
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
            appended += batch.size();
        }
        progress.done(appended);
        return appended;
    }

    /** Links the event to its aggregate's last one, as the command side's storage engine does at append. */
    private DomainEventMessage<?> chain(DomainEventMessage<?> event) {
        String prevHash = event.getSequenceNumber() == 0 ? Sha256.NO_PREVIOUS
                : lastHash.getOrDefault(event.getAggregateIdentifier(), Sha256.NO_PREVIOUS);
        String hash = MessageHashes.chained(event, serializer, prevHash).hash();
        lastHash.put(event.getAggregateIdentifier(), hash);
        return MessageHashes.withChain(event, prevHash, hash);
    }

    private Instant lastRecorded() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT time_stamp FROM domain_event_entry ORDER BY global_index DESC LIMIT 1")) {
            return rows.next() ? Instant.parse(rows.getString(1)) : Instant.now();
        }
    }

    private List<Placed> roadmapObjectives() throws SQLException {
        Map<String, Long> last = new HashMap<>();
        List<Placed> placed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT DISTINCT ON (e.aggregate_identifier) "
                    + "e.aggregate_identifier, e.sequence_number, e.meta_data, b.hash FROM domain_event_entry e "
                    + "LEFT JOIN event_chain_backfill b ON b.global_index = e.global_index WHERE e.type = 'Objective' "
                    + "ORDER BY e.aggregate_identifier, e.sequence_number DESC")) {
                while (rows.next()) {
                    last.put(rows.getString(1), rows.getLong(2));
                    byte[] meta = rows.getBytes(3);
                    JsonNode hash = meta == null ? null : Canonical.parse(meta).get(EventRows.HASH);
                    lastHash.put(rows.getString(1), hash != null ? hash.asText() : rows.getString(4));
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT objective_id, axis_code, priority_code "
                    + "FROM objective_placement WHERE roadmap_id = '" + ROADMAP + "' ORDER BY objective_id")) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    if (last.containsKey(id)) {
                        placed.add(new Placed(id, rows.getString(2), rows.getString(3), last.get(id)));
                    }
                }
            }
        }
        return placed;
    }

    private boolean exists(String aggregate) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.prepareStatement(
                     "SELECT 1 FROM domain_event_entry WHERE aggregate_identifier = ? LIMIT 1")) {
            statement.setString(1, aggregate);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** The further objectives' roadmap has the real one's axes and priorities, so they spread the same way. */
    private static RoadmapStructurePublished furtherStructure(List<Placed> placements) {
        Map<String, List<String>> priorities = new TreeMap<>();
        for (Placed placed : placements) {
            List<String> codes = priorities.computeIfAbsent(placed.axis(), axis -> new ArrayList<>());
            if (!codes.contains(placed.priority())) {
                codes.add(placed.priority());
            }
        }
        List<AxisDefinition> axes = new ArrayList<>();
        priorities.forEach((axis, codes) -> axes.add(new AxisDefinition(axis, "Axe " + axis,
                codes.stream().map(code -> new PriorityDefinition(code, "Priorité " + code)).toList())));
        return new RoadmapStructurePublished(RoadmapId.of(FURTHER), 1, "Objectifs de charge (benchmarks)", axes,
                LAUNCH);
    }

    static EventSchema schema() {
        return EventStoreSchema.ledgerSchema();
    }
}
