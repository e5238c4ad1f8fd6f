package org.roadmapledger.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Workload 8, pages: the council pages as a reader's browser asks for them, one client: the roadmap page
 * ({@code GET /}) and an objective's page ({@code GET /pages/objectives/{id}}, ids from the roadmap's 65), each for
 * {@code duration}: server time p50/p99 and the HTML's size. A service without the pages is "not available".
 */
final class PagesWorkload implements Workload {

    private final Service service;
    private final Duration warmup;
    private final Duration duration;
    private final Random random;

    PagesWorkload(Service service, Duration warmup, Duration duration, long seed) {
        this.service = service;
        this.warmup = warmup;
        this.duration = duration;
        this.random = new Random(seed);
    }

    @Override
    public String name() {
        return "pages";
    }

    @Override
    public Figures run(int run) {
        LedgerHttp.Response probe = service.http.get(service.http.queryUrl, "/");
        if (probe.status() == 404) {
            return Workload.unavailable("GET / answered 404: this query side has no pages");
        }
        List<String> objectives = new java.util.ArrayList<>();
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("\"objectiveId\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(service.http.query("/api/objectives?size=100").body());
        while (ids.find()) {
            objectives.add(ids.group(1));
        }
        if (objectives.isEmpty()) {
            return Workload.unavailable("GET /api/objectives listed no objective");
        }
        Figures figures = new Figures();
        measure(figures, "roadmap", () -> "/");
        measure(figures, "objective", () -> "/pages/objectives/" + objectives.get(random.nextInt(objectives.size())));
        return figures;
    }

    private void measure(Figures figures, String page, java.util.function.Supplier<String> paths) {
        long warmEnd = System.nanoTime() + warmup.toNanos();
        while (System.nanoTime() < warmEnd) {
            service.http.get(service.http.queryUrl, paths.get());
        }
        Latencies latencies = new Latencies();
        long bytes = 0;
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            String path = paths.get();
            long t0 = System.nanoTime();
            LedgerHttp.Response response = service.http.get(service.http.queryUrl, path);
            latencies.record(System.nanoTime() - t0);
            if (response.status() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.status());
            }
            bytes = Math.max(bytes, response.body().length());
        }
        figures.put(page + ".p50Ms", latencies.percentileMillis(50));
        figures.put(page + ".p99Ms", latencies.percentileMillis(99));
        figures.put(page + ".htmlKb", bytes / 1024.0);
        System.out.printf("pages: %s, %d pages, p50 %.1f ms, p99 %.1f ms, HTML up to %.0f KB%n", page,
                latencies.count(), latencies.percentileMillis(50), latencies.percentileMillis(99), bytes / 1024.0);
    }
}
