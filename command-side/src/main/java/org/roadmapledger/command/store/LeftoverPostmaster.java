package org.roadmapledger.command.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A PostgreSQL server that an earlier run left on our data directory. The embedded server is a process of its own:
 * when our JVM is killed (SIGKILL, the OOM killer) it goes on running, holding the data directory's
 * {@code postmaster.pid}, and a new server there refuses to start ("lock file already exists"). Before the ledger
 * starts its server, such a leftover is stopped: nothing else can be using it, since its clients died with the JVM
 * that started it. A {@code postmaster.pid} naming a process that is not a PostgreSQL server on this directory (its
 * number was reused after a reboot) is removed, as PostgreSQL would if that process did not exist.
 */
final class LeftoverPostmaster {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

    private LeftoverPostmaster() {
    }

    /** Stops the server left running on that data directory, if there is one; waits up to {@code patience}. */
    static void stop(Path dataDirectory, Duration patience) {
        Path lockFile = dataDirectory.resolve("postmaster.pid");
        Optional<Long> pid = pidIn(lockFile);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return; // none, or a stale file that PostgreSQL removes itself
        }
        if (!isPostgresOn(process.get(), dataDirectory)) {
            log.warn("{} names process {}, which is not a PostgreSQL server on this directory: removing the stale file",
                    lockFile, pid.get());
            delete(lockFile);
            return;
        }
        log.warn("A PostgreSQL server (process {}) left by an earlier run is still running on {}: stopping it first",
                pid.get(), dataDirectory);
        long started = System.nanoTime();
        // SIGTERM: PostgreSQL's smart shutdown, which ends at once since its clients are gone, and checkpoints
        process.get().destroy();
        if (!exited(process.get(), patience)) {
            log.warn("The leftover PostgreSQL server did not stop within {} s: killing it (the next start recovers "
                    + "from its write-ahead log)", patience.toSeconds());
            process.get().destroyForcibly();
            exited(process.get(), patience);
        }
        log.info("The leftover PostgreSQL server stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    static Optional<Long> pidIn(Path lockFile) {
        try {
            List<String> lines = Files.isRegularFile(lockFile) ? Files.readAllLines(lockFile) : List.of();
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty(); // being written, or not ours to judge: PostgreSQL decides
        }
    }

    // The server's command line names its data directory: "postgres -D <dir> ..."
    private static boolean isPostgresOn(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString())
                .filter(name -> name.startsWith("postgres")).isPresent();
        String directory = dataDirectory.toAbsolutePath().normalize().toString();
        boolean ours = info.arguments().map(arguments -> List.of(arguments).contains(directory)).orElse(false)
                || info.commandLine().map(line -> line.contains(directory)).orElse(false);
        return postgres && ours;
    }

    private static boolean exited(ProcessHandle process, Duration patience) {
        try {
            process.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
