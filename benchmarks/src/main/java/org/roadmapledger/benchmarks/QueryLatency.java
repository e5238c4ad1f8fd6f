package org.roadmapledger.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/** Latency of the query API at random viewpoints in the past, one request at a time, after a warm-up. */
final class QueryLatency {

    record Result(String name, int requests, double p50Millis, double p99Millis, double maxMillis, double perSecond,
                  int non2xx) {
        @Override
        public String toString() {
            return String.format("%s: %d requests, p50 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f req/s, non-2xx %d",
                    name, requests, p50Millis, p99Millis, maxMillis, perSecond, non2xx);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final Random random;

    QueryLatency(String base, long seed) {
        this.base = base;
        this.random = new Random(seed);
    }

    Instant randomPastInstant() {
        long from = Instant.parse("2023-06-01T00:00:00Z").getEpochSecond();
        long to = Instant.now().getEpochSecond();
        return Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
    }

    LocalDate randomPastDate() {
        return LocalDate.ofInstant(randomPastInstant(), HistoryGenerator.PARIS);
    }

    String randomOf(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    int randomPage(int pages) {
        return random.nextInt(Math.max(1, pages));
    }

    Result measure(String name, int requests, Supplier<String> path) throws Exception {
        for (int i = 0; i < Math.max(10, requests / 10); i++) {
            send(path.get());
        }
        long[] nanos = new long[requests];
        int non2xx = 0;
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            long t0 = System.nanoTime();
            int status = send(path.get());
            nanos[i] = System.nanoTime() - t0;
            if (status / 100 != 2) {
                non2xx++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        return new Result(name, requests, percentile(nanos, 50), percentile(nanos, 99), nanos[requests - 1] / 1e6,
                requests / seconds, non2xx);
    }

    String get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private int send(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
