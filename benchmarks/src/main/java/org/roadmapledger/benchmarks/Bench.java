package org.roadmapledger.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Command line of the benchmarks, {@code ./mvnw -q -pl benchmarks -am compile exec:java -Dexec.args="…"}:
 * <ul>
 *     <li>{@code <workloads> key=value…}: {@code all}, or a comma-separated choice of {@code write},
 *     {@code read-your-write}, {@code as-of}, {@code replay}, {@code stream}, {@code memory}, against a running
 *     ledger, with the floors measured in the same run; writes {@code benchmarks/results/<date>-<profile>.json},
 *     {@code .md} and {@code .svg} (options: benchmarks/README.md);</li>
 *     <li>{@code load events=1000000 [jdbc=… | data=… | url=…]}: append a generated history through Axon's JDBC
 *     engine into the ledger's event store, then wait for the projections;</li>
 *     <li>{@code mongo-floor documents=1000000}: raw bulk insert rate into a fresh MongoDB-wire server.</li>
 * </ul>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: <all|" + String.join(",", BenchRun.WORKLOADS)
                    + "|load|mongo-floor> key=value...");
        }
        Options options = new Options(Arrays.asList(args).subList(1, args.length));
        switch (args[0]) {
            case "load" -> load(options);
            case "mongo-floor" -> {
                long documents = options.number("documents", 1_000_000);
                options.rejectUnknown();
                MongoFloor.Result result = MongoFloor.bulkInsert(Optional.empty(), documents);
                System.out.printf("mongo-floor: %.0f documents/s into %s%n", result.perSecond(), result.where());
            }
            default -> new BenchRun(workloads(args[0]), options).execute();
        }
    }

    static Set<String> workloads(String argument) {
        Set<String> selected = new LinkedHashSet<>();
        for (String name : argument.split(",")) {
            String workload = name.trim();
            if (workload.equals("all")) {
                selected.addAll(BenchRun.WORKLOADS);
            } else if (BenchRun.WORKLOADS.contains(workload)) {
                selected.add(workload);
            } else {
                throw new IllegalArgumentException("unknown workload '" + workload + "'; known: all, "
                        + String.join(", ", BenchRun.WORKLOADS) + ", load, mongo-floor");
            }
        }
        return selected;
    }

    /**
     * {@code events=N} splits N as the 1,000,000-event ledger does: half over the roadmap's objectives, half over
     * extra objectives of 50 events each; or give {@code perRoadmapObjective}, {@code extra}, {@code perExtra}.
     */
    private static void load(Options options) throws Exception {
        long events = options.number("events", 1_000_000);
        int perRoadmap = options.integer("perRoadmapObjective", (int) Math.round(events / 2.0 / 65));
        int perExtra = options.integer("perExtra", 50);
        int extra = options.integer("extra", (int) (events / 2 / Math.max(1, perExtra)));
        long seed = options.number("seed", 1);
        Duration catchUp = options.duration("catchUpTimeout", Duration.ofMinutes(60));
        boolean wait = Boolean.parseBoolean(options.text("wait", "true"));
        Service service = Service.locate(options);
        options.rejectUnknown();
        Service.Jdbc jdbc = service.jdbc.orElseThrow(() -> new IllegalArgumentException(
                "no event store: pass jdbc=… (and user=, password=) or data=<the standalone's data directory>"));
        System.out.println("load: into " + jdbc.url() + " (" + service.found + ")");
        long appended = new EventLoader(jdbc.url(), jdbc.user(), jdbc.password())
                .load(new EventLoader.Plan(perRoadmap, extra, perExtra, seed));
        System.out.printf("load: %d events appended%n", appended);
        if (wait) {
            long start = System.nanoTime();
            double behind = service.awaitProjections(catchUp);
            System.out.printf("load: projections %s %.1f s after the load ended%n",
                    behind == 0 ? "caught up" : "still " + behind + " events behind", (System.nanoTime() - start) / 1e9);
        }
    }
}
