package org.roadmapledger.benchmarks;

import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ledger under test and the stores behind it: its HTTP endpoints, its process on this machine (for memory),
 * the event store's JDBC URL and the MongoDB-wire server's address (for the storage floors). What the command
 * line does not give is found: the process by the port it listens on, the embedded PostgreSQL's port in
 * {@code <data dir>/postgres/postmaster.pid}, the embedded MongoDB-wire server among the process's other
 * listening ports.
 */
final class Service {

    record Jdbc(String url, String user, String password) {

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private static final Pattern MEASUREMENT = Pattern.compile("\"value\"\\s*:\\s*([-0-9.eE]+|\"?NaN\"?)");

    final LedgerHttp http;
    final Optional<LocalProcess> process;
    final Optional<Jdbc> jdbc;
    final Optional<String> mongoUri;
    /** How each of the above was found, for the report. */
    final String found;

    private Service(LedgerHttp http, Optional<LocalProcess> process, Optional<Jdbc> jdbc, Optional<String> mongoUri,
                    String found) {
        this.http = http;
        this.process = process;
        this.jdbc = jdbc;
        this.mongoUri = mongoUri;
        this.found = found;
    }

    /**
     * Options: {@code url} (command API, default http://localhost:8080), {@code queryUrl} (default: url),
     * {@code pid}, {@code jdbc}/{@code user}/{@code password}, {@code data} (the standalone's data directory),
     * {@code mongo} (a MongoDB URI).
     */
    static Service locate(Options options) {
        String url = options.text("url", "http://localhost:8080");
        String queryUrl = options.text("queryUrl", url);
        int queryPort = URI.create(queryUrl).getPort();
        StringBuilder found = new StringBuilder();
        Optional<String> givenPid = options.optional("pid");
        Optional<LocalProcess> process = givenPid.isPresent()
                ? Optional.of(LocalProcess.of(Long.parseLong(givenPid.get())))
                : LocalProcess.listeningOn(queryPort);
        found.append(givenPid.isPresent() ? "pid given" : process.map(p -> "pid " + p.pid
                + " found listening on the query port").orElse("no local process listens on the query port"));
        Optional<String> givenJdbc = options.optional("jdbc");
        String user = options.text("user", "ledger");
        String password = options.text("password", "ledger");
        Optional<Path> data = options.optional("data").map(Path::of).or(() -> process.flatMap(
                LocalProcess::ledgerDataDir));
        Optional<Jdbc> jdbc = givenJdbc.isPresent() ? Optional.of(new Jdbc(givenJdbc.get(), user, password))
                : data.flatMap(Service::embeddedPostgres);
        found.append("; ").append(givenJdbc.isPresent() ? "event store given" : jdbc.map(j -> "event store "
                + j.url() + " from " + data.get() + "/postgres/postmaster.pid").orElse("no event store found"));
        Optional<String> givenMongo = options.optional("mongo");
        Optional<String> mongo = givenMongo.or(() -> process.flatMap(p -> p.listeningPorts().stream()
                .filter(port -> port != queryPort).map(port -> "mongodb://127.0.0.1:" + port)
                .filter(Service::answersPing).findFirst()));
        found.append("; ").append(givenMongo.isPresent() ? "MongoDB given" : mongo.map(uri ->
                "the service's MongoDB-wire server found at " + uri).orElse("no MongoDB of the service reachable"));
        BenchTokens tokens = new BenchTokens(url, data, options.optional("token"));
        return new Service(new LedgerHttp(url, queryUrl, tokens), process, jdbc, mongo, found.toString());
    }

    /** A service known by its HTTP API alone: no local process, event store or MongoDB to look at. */
    static Service remote(LedgerHttp http) {
        return new Service(http, Optional.empty(), Optional.empty(), Optional.empty(), "HTTP only");
    }

    /** The embedded PostgreSQL's address, from the port line of its {@code postmaster.pid}. */
    static Optional<Jdbc> embeddedPostgres(Path dataDir) {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile);
            int port = Integer.parseInt(lines.get(3).trim());
            // the password the standalone made at its first start (command side, PostgresPassword)
            String password = Files.readString(dataDir.resolve("postgres.password")).trim();
            return Optional.of(new Jdbc("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", password));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean answersPing(String uri) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(1500, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(1, TimeUnit.SECONDS)
                        .readTimeout(2, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            client.getDatabase("admin").runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Heap in use now, from the actuator, in bytes. */
    OptionalDouble heapUsedBytes() {
        return metric("/actuator/metrics/jvm.memory.used?tag=area:heap");
    }

    OptionalDouble heapMaxBytes() {
        return metric("/actuator/metrics/jvm.memory.max?tag=area:heap");
    }

    /** Events the view processors still have to handle, summed over processors; empty when unknown. */
    OptionalDouble processorLag() {
        return metric("/actuator/metrics/ledger.processor.lag");
    }

    /**
     * Waits until the projections have handled every event in the store, printing the lag; a service that answers
     * it has no lag metric is taken as caught up, one that does not answer is waited for (a standalone out of heap
     * once stopped answering, and was reported caught up). Returns the events still behind when the wait ended (0
     * when caught up, NaN when the service never said).
     */
    double awaitProjections(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long lastPrint = start;
        while (true) {
            OptionalDouble lag = processorLag();
            if (lag.isEmpty() && answersWithout("/actuator/metrics/ledger.processor.lag")) {
                return 0;
            }
            if (lag.isPresent() && lag.getAsDouble() <= 0) {
                return 0;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                System.out.printf("the projections did not catch up within %s: %.0f events behind%n", timeout,
                        lag.orElse(Double.NaN));
                return lag.orElse(Double.NaN);
            }
            if (now - lastPrint > 5_000_000_000L) {
                lastPrint = now;
                System.out.printf("waiting for the projections: %.0f events behind%n", lag.orElse(Double.NaN));
            }
            Thread.sleep(250); // polling a remote gauge: nothing to await on
        }
    }

    /** How many events the store holds, when it is reachable. */
    OptionalDouble eventCount() {
        if (jdbc.isEmpty()) {
            return OptionalDouble.empty();
        }
        try (Connection connection = jdbc.get().connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            rows.next();
            return OptionalDouble.of(rows.getLong(1));
        } catch (SQLException e) {
            return OptionalDouble.empty();
        }
    }

    private OptionalDouble metric(String path) {
        Double value = metricOrNull(path);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private Double metricOrNull(String path) {
        try {
            LedgerHttp.Response response = http.get(http.queryUrl, path);
            if (!response.ok()) {
                return null;
            }
            Matcher matcher = MEASUREMENT.matcher(response.body());
            if (!matcher.find() || matcher.group(1).contains("NaN")) {
                return null;
            }
            return Double.parseDouble(matcher.group(1));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** True only when the service answers that it has no such metric: no answer is not an answer. */
    private boolean answersWithout(String path) {
        try {
            return http.get(http.queryUrl, path).status() == 404;
        } catch (RuntimeException unanswered) {
            return false;
        }
    }
}
