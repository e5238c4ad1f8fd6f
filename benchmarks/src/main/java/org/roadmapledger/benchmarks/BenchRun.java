package org.roadmapledger.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One invocation of the generator: the floors and the selected workloads, {@code runs} times in turn (so floors
 * and workloads share the machine's moods), then the medians, ratios, targets and report files.
 */
final class BenchRun {

    static final List<String> WORKLOADS = List.of("write", "read-your-write", "as-of", "replay", "stream", "memory",
            "proof", "pages", "peer");

    private final Set<String> selected;
    private final Options options;

    BenchRun(Set<String> selected, Options options) {
        this.selected = selected;
        this.options = options;
    }

    Report.Written execute() throws Exception {
        String profile = options.text("profile", "standalone");
        Path out = Path.of(options.text("out", Files.isDirectory(Path.of("benchmarks")) ? "benchmarks/results"
                : "results"));
        int runs = options.integer("runs", 3);
        long seed = options.number("seed", 1);
        Duration warmup = options.duration("warmup", Duration.ofSeconds(3));
        Duration duration = options.duration("duration", Duration.ofSeconds(15));
        int objectiveCount = options.integer("objectives", 1000);
        List<Integer> writeClients = options.integers("clients", List.of(1, 8, 32));
        int rywInFlight = options.integer("rywInFlight", 64);
        double rate = options.integer("rate", 500);
        int asOfClients = options.integer("asOfClients", 1);
        Duration catchUp = options.duration("catchUpTimeout", Duration.ofMinutes(30));
        Duration replayTimeout = options.duration("replayTimeout", Duration.ofMinutes(60));
        int fanOut = options.integer("fanOut", 200);
        int fanOutCommands = options.integer("fanOutCommands", 100);
        double fanOutRate = options.integer("fanOutRate", 20);
        Duration streamIdle = options.duration("streamIdle", Duration.ofSeconds(3));
        long mongoDocuments = options.number("mongoDocuments", 100_000);
        Path verifierJar = Path.of(options.text("verifierJar", "verifier/target/verifier.jar"));
        String verifierHeap = options.text("verifierHeap", "64m");
        PeerWorkload.Settings peerSettings = new PeerWorkload.Settings(options.optional("peerUrl"),
                Path.of(options.text("peerJar", "peer-baseline/target/peer-baseline-0.1.0-SNAPSHOT-exec.jar")),
                options.optional("peerHeap").orElse(null), options.integer("peerPort", 8095), objectiveCount,
                writeClients, rate, rywInFlight, warmup, duration, seed);
        Service service = Service.locate(options);
        options.rejectUnknown();

        System.out.println("service: " + service.found);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("machine", Machine.describe());
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("commandUrl", service.http.commandUrl);
        target.put("queryUrl", service.http.queryUrl);
        target.put("found", service.found);
        service.eventCount().ifPresent(count -> target.put("ledgerEventsAtStart", (long) count));
        header.put("service", target);
        header.put("workloads", String.join(",", selected));
        header.put("runs", runs);
        header.put("started", Instant.now().toString());
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("warmupSeconds", warmup.toMillis() / 1000.0);
        sizes.put("durationSeconds", duration.toMillis() / 1000.0);
        sizes.put("objectives", objectiveCount);
        sizes.put("writeClients", writeClients);
        sizes.put("rywInFlight", rywInFlight);
        sizes.put("rywRate", rate);
        sizes.put("asOfClients", asOfClients);
        sizes.put("fanOutClients", fanOut);
        sizes.put("fanOutCommands", fanOutCommands);
        sizes.put("mongoFloorDocuments", mongoDocuments);
        header.put("sizes", sizes);

        boolean writes = selected.contains("write") || selected.contains("read-your-write")
                || selected.contains("stream") || selected.contains("peer");
        List<String> objectives = writes ? BenchObjectives.ensure(service.http, objectiveCount) : List.of();
        SortedSet<Integer> floorClients = new TreeSet<>(writeClients);
        floorClients.add(1);
        floorClients.add(asOfClients);

        List<Workload> underMemory = new ArrayList<>();
        List<Workload> after = new ArrayList<>();
        if (selected.contains("write")) {
            underMemory.add(new WriteWorkload(service, objectives, writeClients, warmup, duration, seed));
        }
        if (selected.contains("read-your-write")) {
            underMemory.add(new ReadYourWriteWorkload(service, objectives, rywInFlight, rate, warmup, duration,
                    catchUp, seed));
        }
        if (selected.contains("as-of")) {
            underMemory.add(new AsOfWorkload(service, asOfClients, warmup, duration, seed));
        }
        if (selected.contains("peer")) {
            // right after the ledger's workloads, before a replay or the proofs change the machine's state
            after.add(new PeerWorkload(service, peerSettings, catchUp));
        }
        if (selected.contains("replay")) {
            after.add(new ReplayWorkload(service, replayTimeout));
        }
        if (selected.contains("stream")) {
            after.add(new StreamWorkload(service, objectives, fanOut, fanOutCommands, fanOutRate, streamIdle));
        }
        if (selected.contains("pages")) {
            after.add(new PagesWorkload(service, warmup, duration, seed));
        }
        if (selected.contains("proof")) {
            after.add(new ProofWorkload(service, duration, verifierJar, verifierHeap, seed));
        }
        Floors floors = new Floors(service, floorClients, warmup, duration, mongoDocuments);
        MemorySampler memory = selected.contains("memory") ? new MemorySampler(service) : null;

        Map<String, List<Figures>> results = new LinkedHashMap<>();
        Set<String> unavailable = new LinkedHashSet<>();
        for (int run = 1; run <= runs; run++) {
            System.out.printf("=== run %d of %d (load average %s)%n", run, runs, Machine.loadAverage());
            record(results, unavailable, floors, run);
            if (memory != null) {
                memory.start();
            }
            for (Workload workload : underMemory) {
                record(results, unavailable, workload, run);
            }
            if (memory != null) {
                if (underMemory.isEmpty()) {
                    Thread.sleep(duration.toMillis()); // an idle service's memory, for lack of a workload
                }
                results.computeIfAbsent("memory", key -> new ArrayList<>()).add(memory.stop());
            }
            for (Workload workload : after) {
                record(results, unavailable, workload, run);
            }
        }
        for (Workload workload : after) {
            if (workload instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
        header.put("finished", Instant.now().toString());
        header.put("loadAverageAtEnd", Machine.loadAverage());
        service.eventCount().ifPresent(count -> target.put("ledgerEventsAtEnd", (long) count));

        List<Report.Outcome> outcomes = new ArrayList<>();
        Map<String, Double> medians = new LinkedHashMap<>();
        results.forEach((name, list) -> {
            Figures median = Figures.median(list);
            outcomes.add(new Report.Outcome(name, list, median));
            median.values().forEach((figure, value) -> medians.put(name + "." + figure, value));
        });
        Report report = new Report(LocalDate.now().toString(), profile, header, outcomes,
                Comparisons.ratios(medians, writeClients, asOfClients),
                Comparisons.targets(medians, profile));
        Report.Written written = report.write(out);
        System.out.println("report: " + written.json() + ", " + written.markdown() + ", " + written.svg());
        System.out.println(Files.readString(written.markdown()).lines()
                .dropWhile(line -> !line.startsWith("## Targets")).takeWhile(line -> !line.startsWith("!["))
                .reduce("", (a, b) -> a + b + "\n"));
        return written;
    }

    /** A workload that is not available is tried once, and its reason kept. */
    private static void record(Map<String, List<Figures>> results, Set<String> unavailable, Workload workload,
                               int run) throws Exception {
        if (unavailable.contains(workload.name())) {
            return;
        }
        System.out.printf("--- %s, run %d%n", workload.name(), run);
        Figures figures = workload.run(run);
        if (figures.notes().containsKey(Workload.UNAVAILABLE)) {
            unavailable.add(workload.name());
            System.out.println(workload.name() + ": not available: " + figures.notes().get(Workload.UNAVAILABLE));
        }
        results.computeIfAbsent(workload.name(), key -> new ArrayList<>()).add(figures);
    }
}
