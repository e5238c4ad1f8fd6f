package org.roadmapledger.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Workload 2, read-your-write: a status report, then {@code GET /api/objectives/{id}?minVersion=<its version>} on
 * the query API, offered at a fixed rate whatever the answers do ({@link OpenLoop}, at most {@code inFlight} at
 * once). The latency is the end-to-end visibility: from when the command was due to holding the view that shows it.
 * A 503 (the view did not catch up within the server's wait) is a failure. Starts once the projections have caught
 * up with whatever ran before (or {@code catchUpTimeout} passed).
 */
final class ReadYourWriteWorkload implements Workload {

    private final Service service;
    private final List<String> objectives;
    private final int inFlight;
    private final double rate;
    private final Duration warmup;
    private final Duration duration;
    private final Duration catchUp;
    private final long seed;

    ReadYourWriteWorkload(Service service, List<String> objectives, int inFlight, double rate, Duration warmup,
                          Duration duration, Duration catchUp, long seed) {
        this.service = service;
        this.objectives = objectives;
        this.inFlight = inFlight;
        this.rate = rate;
        this.warmup = warmup;
        this.duration = duration;
        this.catchUp = catchUp;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "readYourWrite";
    }

    @Override
    public Figures run(int run) throws Exception {
        double behind = service.awaitProjections(catchUp);
        LoadResult result = OpenLoop.run("read-your-write", rate, inFlight, warmup, duration,
                clients(service.http, objectives, seed, run));
        System.out.println(result);
        Figures figures = new Figures();
        result.into(figures, "open");
        figures.put("targetRate", rate);
        if (behind != 0) {
            figures.note("projectionsBehindAtStart", String.format("run %d started with the projections %.0f events "
                    + "behind (catchUpTimeout): its latencies include that backlog", run, behind));
        }
        return figures;
    }

    /** Each client: a status report, then the read of the objective at the version the report answered. */
    static ClosedLoop.Clients clients(LedgerHttp http, List<String> objectives, long seed, int run) {
        return index -> {
            WriteWorkload.Writer writer = new WriteWorkload.Writer(http, objectives, "ryw" + index,
                    new Random(seed * 1000 + run * 100 + index));
            return () -> {
                String objective = writer.randomObjective();
                LedgerHttp.Response command = writer.statusReport(objective);
                if (!command.ok()) {
                    throw new IllegalStateException("command: " + command.status() + " " + command.body());
                }
                LedgerHttp.Response view = http.query("/api/objectives/" + objective + "?minVersion="
                        + command.version());
                if (!view.ok()) {
                    throw new IllegalStateException("read: " + view.status() + " " + view.body());
                }
                return true;
            };
        };
    }
}
