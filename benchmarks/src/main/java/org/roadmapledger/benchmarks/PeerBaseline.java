package org.roadmapledger.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The peer baseline's process ({@code peer-baseline}: plain Axon + Spring Boot), started by the generator on the
 * ledger's own stores, so both are measured on the same PostgreSQL and the same MongoDB-wire server: a database
 * {@code peer_baseline} in the event store's cluster, the same name on the MongoDB-wire server. Its heap is the
 * ledger's ({@code jvm.memory.max}) unless {@code peerHeap} says otherwise. Stopped at the end of the run.
 */
final class PeerBaseline {

    static final String DATABASE = "peer_baseline";
    private static final Duration START = Duration.ofMinutes(3);

    private final LedgerHttp http;
    private final String how;
    private final Process process;

    private PeerBaseline(LedgerHttp http, String how, Process process) {
        this.http = http;
        this.how = how;
        this.process = process;
    }

    /** Stops the peer when this generator started it. */
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    LedgerHttp http() {
        return http;
    }

    String how() {
        return how;
    }

    /** A peer already running at {@code url}. */
    static PeerBaseline at(String url, LedgerHttp ledger) {
        return new PeerBaseline(new LedgerHttp(url, url, ledger.tokens), "running at " + url + " (given)", null);
    }

    /** Starts the peer's jar on the stores of {@code service}; throws with the reason when it cannot. */
    static PeerBaseline start(Service service, Path jar, String heap, int port) throws Exception {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + jar + " (build it: ./mvnw -pl peer-baseline -am package "
                    + "-DskipTests)");
        }
        Service.Jdbc jdbc = service.jdbc.orElseThrow(() -> new IllegalStateException(
                "the ledger's event store was not found (pass data= or jdbc=)"));
        String mongo = service.mongoUri.orElseThrow(() -> new IllegalStateException(
                "the ledger's MongoDB-wire server was not found (pass mongo=)"));
        createDatabase(jdbc);
        int peerPort = port != 0 ? port : freePort();
        String peerHeap = heap != null ? heap : service.heapMaxBytes().stream().filter(bytes -> bytes > 0)
                .mapToObj(bytes -> Math.round(bytes / (1 << 20)) + "m").findFirst().orElse("2g");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + peerHeap, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.put("SERVER_PORT", Integer.toString(peerPort));
        environment.put("SPRING_DATASOURCE_URL", withDatabase(jdbc.url()));
        environment.put("SPRING_DATASOURCE_USERNAME", jdbc.user());
        environment.put("SPRING_DATASOURCE_PASSWORD", jdbc.password());
        environment.put("SPRING_DATA_MONGODB_URI", stripPath(mongo) + "/" + DATABASE);
        Path log = Files.createTempFile("peer-baseline-", ".log");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        // in case the generator stops before it stops the peer
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "stop-peer-baseline"));
        String url = "http://127.0.0.1:" + peerPort;
        LedgerHttp http = new LedgerHttp(url, url, service.http.tokens);
        long deadline = System.nanoTime() + START.toNanos();
        while (!answers(http)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the peer baseline stopped at start-up; its log: " + log);
            }
            if (System.nanoTime() > deadline) {
                process.destroy();
                throw new IllegalStateException("the peer baseline did not answer within " + START + "; " + log);
            }
            Thread.sleep(500); // a child process's start-up, polled
        }
        return new PeerBaseline(http, String.format("started from %s, -Xmx%s, pid %d, on %s and %s/%s (log %s)",
                jar, peerHeap, process.pid(), withDatabase(jdbc.url()), stripPath(mongo), DATABASE, log), process);
    }

    /** A port free now ({@code peerPort=0}); another process could take it before the peer does, rarely. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean answers(LedgerHttp http) {
        try {
            return http.getAnonymous(http.queryUrl, "/api/objectives/none").status() == 404;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void createDatabase(Service.Jdbc jdbc) throws SQLException {
        try (Connection connection = jdbc.connect(); Statement statement = connection.createStatement()) {
            try (ResultSet found = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (found.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    /** The same JDBC URL naming the peer's database instead of the ledger's. */
    static String withDatabase(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        String rest = query < 0 ? "" : jdbcUrl.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + DATABASE + rest;
    }

    private static String stripPath(String mongoUri) {
        URI uri = URI.create(mongoUri);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
