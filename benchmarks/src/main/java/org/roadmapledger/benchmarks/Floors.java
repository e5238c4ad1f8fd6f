package org.roadmapledger.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;

/**
 * What bounds us, measured in the same run as the workloads: the HTTP floor (a trivial endpoint of the same server
 * with the same client), the event store's floors (raw single-row INSERT+COMMIT from C connections into a scratch
 * table, and a raw sequential read of the events) and the MongoDB-wire server's raw bulk insert rate.
 */
final class Floors implements Workload {

    private static final String TABLE = "bench_floor_insert";

    private final Service service;
    private final SortedSet<Integer> clients;
    private final Duration warmup;
    private final Duration duration;
    private final long mongoDocuments;

    Floors(Service service, SortedSet<Integer> clients, Duration warmup, Duration duration, long mongoDocuments) {
        this.service = service;
        this.clients = clients;
        this.warmup = warmup;
        this.duration = duration;
        this.mongoDocuments = mongoDocuments;
    }

    @Override
    public String name() {
        return "floors";
    }

    @Override
    public Figures run(int run) throws Exception {
        Figures figures = new Figures();
        for (int count : clients) {
            LoadResult http = ClosedLoop.run("floor-http", count, warmup, duration, index -> () ->
                    service.http.getAnonymous(service.http.queryUrl, "/actuator/health/liveness").ok());
            System.out.println(http);
            http.into(figures, "http.c" + count);
            // the same request with a bearer token, validated though the endpoint is public: what authentication
            // (signature, claims, roles, rate limit) adds to every request
            LoadResult authenticated = ClosedLoop.run("floor-http-authenticated", count, warmup, duration,
                    index -> () -> service.http.get(service.http.queryUrl, "/actuator/health/liveness").ok());
            System.out.println(authenticated);
            authenticated.into(figures, "httpAuthenticated.c" + count);
        }
        if (service.jdbc.isPresent()) {
            for (int count : clients) {
                LoadResult insert = insertCommit(count);
                System.out.println(insert);
                insert.into(figures, "postgresInsert.c" + count);
            }
            figures.put("postgresRead.perSecond", sequentialRead());
            figures.note("postgres", settings());
        } else {
            figures.note("postgres", "no event store address: pass jdbc=… (or data=… for the standalone)");
        }
        MongoFloor.Result mongo = MongoFloor.bulkInsert(service.mongoUri, mongoDocuments);
        System.out.printf("floor-mongo: %.0f documents/s into %s%n", mongo.perSecond(), mongo.where());
        figures.put("mongoBulk.perSecond", mongo.perSecond());
        figures.note("mongoBulk", mongo.where());
        return figures;
    }

    /** Single-row INSERT+COMMIT of an event-sized row, each client on its own connection. */
    private LoadResult insertCommit(int count) throws SQLException {
        try (Connection setup = service.jdbc.get().connect(); Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                    + " (id BIGSERIAL PRIMARY KEY, aggregate_identifier VARCHAR(255), payload BYTEA NOT NULL)");
        }
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Connection connection = service.jdbc.get().connect();
                connection.setAutoCommit(false);
                connections.add(connection);
            }
            return ClosedLoop.run("floor-postgres-insert", count, warmup, duration, index -> {
                Connection connection = connections.get(index);
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + TABLE + " (aggregate_identifier, payload) VALUES (?, ?)");
                Random random = new Random(index);
                byte[] payload = new byte[300];
                return () -> {
                    random.nextBytes(payload);
                    insert.setString(1, "floor-" + index);
                    insert.setBytes(2, payload);
                    insert.executeUpdate();
                    connection.commit();
                    return true;
                };
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
            try (Connection cleanup = service.jdbc.get().connect(); Statement statement = cleanup.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + TABLE);
            }
        }
    }

    /** Durability settings decide what a commit costs: the floor is only comparable with them stated. */
    private String settings() throws SQLException {
        StringBuilder settings = new StringBuilder(service.jdbc.get().url());
        try (Connection connection = service.jdbc.get().connect(); Statement statement = connection.createStatement()) {
            for (String name : List.of("server_version", "fsync", "synchronous_commit", "wal_sync_method")) {
                try (ResultSet result = statement.executeQuery("SHOW " + name)) {
                    result.next();
                    settings.append(", ").append(name).append('=').append(result.getString(1));
                }
            }
        }
        return settings.toString();
    }

    /** Rows per second of a plain cursor over the event table in global order: the floor of a catch-up. */
    private double sequentialRead() throws SQLException {
        try (Connection connection = service.jdbc.get().connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                long start = System.nanoTime();
                long rows = 0;
                long bytes = 0;
                try (ResultSet result = statement.executeQuery("SELECT global_index, event_identifier, "
                        + "aggregate_identifier, sequence_number, time_stamp, payload_type, payload, meta_data "
                        + "FROM domain_event_entry ORDER BY global_index")) {
                    while (result.next()) {
                        rows++;
                        bytes += result.getBytes(7).length;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("floor-postgres-read: %d events (%d payload bytes) in %.2f s, %.0f/s%n", rows,
                        bytes, seconds, rows / seconds);
                connection.commit();
                return rows / seconds;
            }
        }
    }
}
