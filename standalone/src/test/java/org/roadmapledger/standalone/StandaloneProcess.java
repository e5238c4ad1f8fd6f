package org.roadmapledger.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The standalone as a process of its own, started as a user starts it (same class path, its own JVM), so that a
 * test can kill it with SIGKILL: what a crash, the OOM killer or a power-off of the JVM alone does.
 */
final class StandaloneProcess implements AutoCloseable {

    private final Process process;
    final int port;
    final Http http;

    private StandaloneProcess(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.http = Http.standalone(port, dataDir);
    }

    static StandaloneProcess start(Path dataDir, Path log) {
        return start(dataDir, log, freePort());
    }

    /** On a port of the caller's: clients of a restarted ledger reconnect where they were. */
    static StandaloneProcess start(Path dataDir, Path log, int port) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                LedgerStandaloneApplication.class.getName(), "--server.port=" + port,
                "--ledger.data-dir=" + dataDir.toAbsolutePath(), Standalone.UNLIMITED[0], Standalone.UNLIMITED[1]);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new StandaloneProcess(process, port, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean ready() {
        try {
            return process.isAlive() && http.get("/actuator/health/readiness").status() == 200;
        } catch (RuntimeException notListeningYet) {
            return false;
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL to the JVM alone: the embedded PostgreSQL, a process of its own, goes on running. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGKILL to the JVM and, at the same moment, to the embedded PostgreSQL and its backends. */
    void killWithDatabase(Path dataDir) throws InterruptedException {
        Optional<ProcessHandle> postmaster = postmaster(dataDir);
        List<ProcessHandle> database = new ArrayList<>();
        postmaster.ifPresent(server -> {
            database.add(server);
            server.descendants().forEach(database::add);
        });
        process.destroyForcibly();
        database.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle handle : database) {
            handle.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(timeout -> handle).join();
        }
    }

    /** The embedded PostgreSQL running on that data directory, from its lock file. */
    static Optional<ProcessHandle> postmaster(Path dataDir) {
        Path lockFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(lockFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(lockFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** SIGTERM: a graceful shutdown, which stops the embedded PostgreSQL too. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
