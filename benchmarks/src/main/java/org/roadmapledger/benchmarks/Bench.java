package org.roadmapledger.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Command line of the benchmarks. {@code ./mvnw -q -pl benchmarks exec:java -Dexec.args="<workload> key=value…"}:
 * <ul>
 *     <li>{@code load jdbc=… user=… password=… perRoadmapObjective=8000 extra=10000 perExtra=50 seed=1}:
 *     append a generated history through Axon's JDBC engine;</li>
 *     <li>{@code mongo-floor documents=1000000}: raw bulk insert rate into the MongoDB-wire server;</li>
 *     <li>{@code as-of url=http://localhost:8081 requests=1000 seed=1}: query latency at random past
 *     viewpoints.</li>
 * </ul>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: <load|mongo-floor|as-of> key=value...");
        }
        Map<String, String> options = new TreeMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "");
        }
        switch (args[0]) {
            case "load" -> {
                EventLoader loader = new EventLoader(options.getOrDefault("jdbc",
                        "jdbc:postgresql://localhost:5432/ledger"), options.getOrDefault("user", "ledger"),
                        options.getOrDefault("password", "ledger"));
                loader.load(new EventLoader.Plan(intOf(options, "perRoadmapObjective", 8000),
                        intOf(options, "extra", 10_000), intOf(options, "perExtra", 50),
                        intOf(options, "seed", 1)));
            }
            case "mongo-floor" -> System.out.printf("mongo-floor: %.0f documents/s%n",
                    MongoFloor.documentsPerSecond(intOf(options, "documents", 1_000_000)));
            case "as-of" -> asOf(options);
            default -> throw new IllegalArgumentException("unknown workload " + args[0]);
        }
    }

    private static void asOf(Map<String, String> options) throws Exception {
        QueryLatency latency = new QueryLatency(options.getOrDefault("url", "http://localhost:8081"),
                intOf(options, "seed", 1));
        int requests = intOf(options, "requests", 1000);
        List<String> ids = objectiveIds(latency.get("/api/objectives?size=500"));
        String total = latency.get("/api/objectives?size=1");
        Matcher matcher = Pattern.compile("\"totalItems\":(\\d+)").matcher(total);
        int pages = matcher.find() ? (int) Math.ceil(Long.parseLong(matcher.group(1)) / 50.0) : 1;
        System.out.println(latency.measure("roadmap asOf", requests,
                () -> "/api/roadmap?asOf=" + latency.randomPastInstant()));
        System.out.println(latency.measure("objective validAt", requests,
                () -> "/api/objectives/" + latency.randomOf(ids) + "?validAt=" + latency.randomPastDate()));
        System.out.println(latency.measure("objectives page of 50", requests,
                () -> "/api/objectives?size=50&page=" + latency.randomPage(pages)));
    }

    private static List<String> objectiveIds(String page) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"objectiveId\":\"([^\"]+)\"").matcher(page);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static int intOf(Map<String, String> options, String key, int fallback) {
        return options.containsKey(key) ? Integer.parseInt(options.get(key)) : fallback;
    }
}
