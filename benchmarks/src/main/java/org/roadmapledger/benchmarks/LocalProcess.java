package org.roadmapledger.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What Linux's {@code /proc} tells about the service's process on this machine: which process listens on the
 * HTTP port, what else it listens on (the embedded MongoDB-wire server), where its data directory is, and its
 * resident memory. Nothing here is needed when every address is given on the command line.
 */
final class LocalProcess {

    private static final Path PROC = Path.of("/proc");
    private static final String LISTEN = "0A";

    final long pid;

    private LocalProcess(long pid) {
        this.pid = pid;
    }

    static LocalProcess of(long pid) {
        return new LocalProcess(pid);
    }

    /** The process holding the socket that listens on this TCP port, if it is on this machine and visible. */
    static Optional<LocalProcess> listeningOn(int port) {
        Set<Long> inodes = listeningInodes(port);
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path process : processes) {
                if (!Collections.disjoint(socketInodes(process), inodes)) {
                    return Optional.of(new LocalProcess(Long.parseLong(process.getFileName().toString())));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Every TCP port this process listens on. */
    Set<Integer> listeningPorts() {
        Set<Long> mine = socketInodes(PROC.resolve(Long.toString(pid)));
        Set<Integer> ports = new TreeSet<>();
        for (String[] socket : tcpSockets()) {
            if (LISTEN.equals(socket[3]) && mine.contains(Long.parseLong(socket[9]))) {
                ports.add(Integer.parseInt(socket[1].substring(socket[1].indexOf(':') + 1), 16));
            }
        }
        return ports;
    }

    /** Peak resident set size since the process started, in bytes ({@code VmHWM}). */
    OptionalLong peakResidentBytes() {
        return statusKilobytes("VmHWM:");
    }

    /** Current resident set size, in bytes ({@code VmRSS}). */
    OptionalLong residentBytes() {
        return statusKilobytes("VmRSS:");
    }

    /**
     * The ledger's data directory as the process was told it: {@code --ledger.data-dir=} on its command line,
     * else {@code LEDGER_DATA_DIR} in its environment, else {@code ./data} under its working directory.
     */
    Optional<Path> ledgerDataDir() {
        try {
            Path self = PROC.resolve(Long.toString(pid));
            Path cwd = Files.readSymbolicLink(self.resolve("cwd"));
            for (String argument : nulSeparated(self.resolve("cmdline"))) {
                if (argument.startsWith("--ledger.data-dir=")) {
                    return Optional.of(cwd.resolve(argument.substring("--ledger.data-dir=".length())));
                }
            }
            for (String variable : nulSeparated(self.resolve("environ"))) {
                if (variable.startsWith("LEDGER_DATA_DIR=")) {
                    return Optional.of(cwd.resolve(variable.substring("LEDGER_DATA_DIR=".length())));
                }
            }
            return Optional.of(cwd.resolve("data"));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private OptionalLong statusKilobytes(String field) {
        try {
            for (String line : Files.readAllLines(PROC.resolve(Long.toString(pid)).resolve("status"))) {
                if (line.startsWith(field)) {
                    String kilobytes = line.substring(field.length()).replace("kB", "").trim();
                    return OptionalLong.of(Long.parseLong(kilobytes) * 1024);
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    private static Set<Long> listeningInodes(int port) {
        Set<Long> inodes = new HashSet<>();
        for (String[] socket : tcpSockets()) {
            String local = socket[1];
            int localPort = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
            if (localPort == port && LISTEN.equals(socket[3])) {
                inodes.add(Long.parseLong(socket[9]));
            }
        }
        return inodes;
    }

    /** Rows of {@code /proc/net/tcp} and {@code tcp6}, split on blanks: [1] local address, [3] state, [9] inode. */
    private static List<String[]> tcpSockets() {
        return Stream.of("tcp", "tcp6")
                .map(name -> PROC.resolve("net").resolve(name))
                .filter(Files::isReadable)
                .flatMap(file -> {
                    try {
                        return Files.readAllLines(file).stream().skip(1);
                    } catch (IOException e) {
                        return Stream.empty();
                    }
                })
                .map(line -> line.trim().split("\\s+"))
                .filter(fields -> fields.length > 9)
                .toList();
    }

    private static Set<Long> socketInodes(Path process) {
        Set<Long> inodes = new HashSet<>();
        try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path descriptor : descriptors) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(Long.parseLong(target.substring(8, target.length() - 1)));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        } catch (IOException | SecurityException e) {
            // a process we may not look into, or one that ended
        }
        return inodes;
    }

    private static List<String> nulSeparated(Path file) throws IOException {
        return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\0"));
    }
}
