package org.roadmapledger.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The peer baseline under the ledger's own write and read-your-write workloads, with the same clients, rate,
 * objectives and seeds, in the same run: its figures go under {@code peer.write.cN.*} and
 * {@code peer.readYourWrite.open.*}, and the report sets the ledger's against them. Started on the first run
 * ({@link PeerBaseline}), or found at {@code peerUrl}; unavailable (with the reason) when it cannot be.
 */
final class PeerWorkload implements Workload, AutoCloseable {

    record Settings(Optional<String> url, Path jar, String heap, int port, int objectives, List<Integer> clients,
                    double rate, int inFlight, Duration warmup, Duration duration, long seed) {
    }

    private final Service service;
    private final Settings settings;
    private PeerBaseline peer;
    private List<String> objectives;

    private final Duration catchUp;

    PeerWorkload(Service service, Settings settings, Duration catchUp) {
        this.service = service;
        this.settings = settings;
        this.catchUp = catchUp;
    }

    @Override
    public String name() {
        return "peer";
    }

    @Override
    public Figures run(int run) throws Exception {
        if (peer == null) {
            try {
                peer = settings.url().isPresent() ? PeerBaseline.at(settings.url().get(), service.http)
                        : PeerBaseline.start(service, settings.jar(), settings.heap(), settings.port());
            } catch (IllegalStateException e) {
                return Workload.unavailable(e.getMessage());
            }
            System.out.println("peer baseline: " + peer.how());
            objectives = BenchObjectives.ensure(peer.http(), settings.objectives());
        }
        // the ledger's views catching up on the ledger's own runs would take the peer's CPU
        double behind = service.awaitProjections(catchUp);
        Figures figures = new Figures();
        if (behind != 0) {
            figures.note("ledgerBehindAtStart", String.format("the ledger's views were %.0f events behind", behind));
        }
        String nonce = Long.toString(System.currentTimeMillis(), 36);
        for (int count : settings.clients()) {
            LoadResult result = ClosedLoop.run("peer write", count, settings.warmup(), settings.duration(),
                    index -> new WriteWorkload.Writer(peer.http(), objectives, nonce + "c" + count + "i" + index,
                            new Random(settings.seed() * 1000 + run * 100 + index))::command);
            System.out.println(result);
            result.into(figures, "write.c" + count);
        }
        LoadResult ryw = OpenLoop.run("peer read-your-write", settings.rate(), settings.inFlight(),
                settings.warmup(), settings.duration(), ReadYourWriteWorkload.clients(peer.http(), objectives,
                        settings.seed(), run));
        System.out.println(ryw);
        ryw.into(figures, "readYourWrite.open");
        figures.note("peer", peer.how());
        return figures;
    }

    @Override
    public void close() throws InterruptedException {
        if (peer != null) {
            peer.stop();
        }
    }
}
