package org.roadmapledger.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Workload 4, replay: a full rebuild of the read models with the query side's {@code POST /api/admin/replay}
 * (202, then {@code GET} reports state, eventsApplied, eventsTotal, eventsPerSecond, etaSeconds), followed to
 * COMPLETED. Figures: events/s and seconds to done, by the service's own clock and by ours. A service without the
 * endpoint (404/405) is reported as not available.
 */
final class ReplayWorkload implements Workload {

    private static final String PATH = "/api/admin/replay";

    private final Service service;
    private final Duration timeout;

    ReplayWorkload(Service service, Duration timeout) {
        this.service = service;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public Figures run(int run) throws Exception {
        long start = System.nanoTime();
        LedgerHttp.Response started = service.http.post(service.http.queryUrl, PATH);
        if (started.status() == 404 || started.status() == 405) {
            return Workload.unavailable("POST " + PATH + " answered " + started.status()
                    + ": this query side has no replay endpoint");
        }
        if (started.status() != 202 && started.status() != 200) {
            throw new IllegalStateException("POST " + PATH + " answered " + started.status() + ": "
                    + started.body());
        }
        long deadline = start + timeout.toNanos();
        long lastPrint = start;
        LedgerHttp.Response progress;
        while (true) {
            progress = service.http.get(service.http.queryUrl, PATH);
            if (progress.ok() && "COMPLETED".equals(text(progress.body(), "state"))) {
                break;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException("replay not done within " + timeout + ": " + progress.body());
            }
            if (now - lastPrint > 5_000_000_000L) {
                lastPrint = now;
                System.out.printf("replay: %s/%s events (%s%%), %s events/s, ETA %s s%n",
                        number(progress.body(), "eventsApplied"), number(progress.body(), "eventsTotal"),
                        number(progress.body(), "percent"), number(progress.body(), "eventsPerSecond"),
                        number(progress.body(), "etaSeconds"));
            }
            Thread.sleep(200); // following a remote job's progress endpoint
        }
        double ourSeconds = (System.nanoTime() - start) / 1e9;
        double events = Double.parseDouble(number(progress.body(), "eventsTotal"));
        String startedAt = text(progress.body(), "startedAt");
        String finishedAt = text(progress.body(), "finishedAt");
        double serviceSeconds = startedAt != null && finishedAt != null
                ? Duration.between(Instant.parse(startedAt), Instant.parse(finishedAt)).toMillis() / 1000.0
                : ourSeconds;
        Figures figures = new Figures();
        figures.put("events", events);
        figures.put("seconds", serviceSeconds);
        figures.put("eventsPerSecond", events / Math.max(serviceSeconds, 0.001));
        figures.put("secondsSeenByClient", ourSeconds);
        System.out.printf("replay: %.0f events in %.1f s, %.0f events/s%n", events, serviceSeconds,
                events / Math.max(serviceSeconds, 0.001));
        return figures;
    }

    static String text(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }

    static String number(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + field + "\"\\s*:\\s*([-0-9.eE]+|null)").matcher(json);
        return matcher.find() ? matcher.group(1) : "?";
    }
}
