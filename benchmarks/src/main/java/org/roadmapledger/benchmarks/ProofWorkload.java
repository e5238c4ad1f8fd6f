package org.roadmapledger.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Workload 7, proof: a seal of the whole ledger (time), a whole-ledger verification ({@code POST /api/verification},
 * events/s by the service's clock, against the same run's sequential read of the event table), objective proofs
 * against that seal from one client (p50/p99), then the seal's export streamed to a file and verified by the offline
 * verifier in a child JVM limited to {@code verifierHeap} (time, events/s, peak resident memory).
 */
final class ProofWorkload implements Workload {

    private final Service service;
    private final Duration duration;
    private final Path verifierJar;
    private final String verifierHeap;
    private final Random random;

    ProofWorkload(Service service, Duration duration, Path verifierJar, String verifierHeap, long seed) {
        this.service = service;
        this.duration = duration;
        this.verifierJar = verifierJar;
        this.verifierHeap = verifierHeap;
        this.random = new Random(seed);
    }

    @Override
    public String name() {
        return "proof";
    }

    @Override
    public Figures run(int run) throws Exception {
        Figures figures = new Figures();
        long start = System.nanoTime();
        LedgerHttp.Response sealed = service.http.command("POST", "/api/seals",
                "{\"label\":\"benchmark run " + run + "\"}");
        if (sealed.status() == 404 || sealed.status() == 503) {
            return Workload.unavailable("POST /api/seals answered " + sealed.status() + ": " + sealed.body());
        }
        if (sealed.status() != 201) {
            throw new IllegalStateException("POST /api/seals answered " + sealed.status() + ": " + sealed.body());
        }
        figures.put("seal.ms", (System.nanoTime() - start) / 1e6);
        String sealId = ReplayWorkload.text(sealed.body(), "sealId");
        figures.put("seal.aggregates", Double.parseDouble(ReplayWorkload.number(sealed.body(), "treeSize")));
        System.out.printf("proof: seal %s of %s aggregates in %.0f ms%n", sealId, ReplayWorkload.number(
                sealed.body(), "treeSize"), figures.get("seal.ms"));
        verify(figures);
        chainCost(figures);
        proofs(figures, sealId);
        export(figures, sealId);
        return figures;
    }

    private void verify(Figures figures) throws InterruptedException {
        LedgerHttp.Response started = service.http.post(service.http.queryUrl, "/api/verification");
        String runId = ReplayWorkload.text(started.body(), "runId");
        LedgerHttp.Response progress;
        long lastPrint = System.nanoTime();
        do {
            Thread.sleep(200);
            progress = service.http.get(service.http.queryUrl, "/api/verification/" + runId);
            if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                lastPrint = System.nanoTime();
                System.out.printf("proof: verification %s %% , %s events/s%n",
                        ReplayWorkload.number(progress.body(), "percent"),
                        ReplayWorkload.number(progress.body(), "eventsPerSecond"));
            }
        } while ("RUNNING".equals(ReplayWorkload.text(progress.body(), "state")));
        String state = ReplayWorkload.text(progress.body(), "state");
        figures.put("verify.eventsPerSecond", Double.parseDouble(ReplayWorkload.number(progress.body(),
                "eventsPerSecond")));
        figures.put("verify.events", Double.parseDouble(ReplayWorkload.number(progress.body(), "events")));
        figures.put("verify.valid", "VERIFIED".equals(state) ? 1 : 0);
        figures.note("verify.summary", ReplayWorkload.text(progress.body(), "summary"));
        System.out.printf("proof: verification %s, %s events at %s events/s%n", state,
                ReplayWorkload.number(progress.body(), "events"), ReplayWorkload.number(progress.body(),
                        "eventsPerSecond"));
    }

    /**
     * What chaining adds to an append, measured here on stored events: the payload read and written as JSON (the
     * engine serializes it once more to hash it), canonicalized and hashed. The service does this once per event.
     */
    private void chainCost(Figures figures) throws SQLException {
        List<org.roadmapledger.proof.StoredEvent> sample = new ArrayList<>();
        try (Connection connection = service.jdbc.orElseThrow().connect();
             PreparedStatement statement = connection.prepareStatement(
                     org.roadmapledger.platform.proof.EventRows.SELECT + " ORDER BY e.global_index DESC LIMIT 5000");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sample.add(org.roadmapledger.platform.proof.EventRows.map(rows));
            }
        }
        long hashed = 0;
        long t0 = 0;
        for (int round = 0; round < 4; round++) {
            if (round == 1) {
                t0 = System.nanoTime();
                hashed = 0;
            }
            for (org.roadmapledger.proof.StoredEvent stored : sample) {
                byte[] payload = org.roadmapledger.proof.Canonical.JSON.valueToTree(stored.event().payload())
                        .toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                org.roadmapledger.proof.Canonical.parse(payload);
                stored.event().hash();
                hashed++;
            }
        }
        figures.put("chain.microsPerEvent", (System.nanoTime() - t0) / 1e3 / Math.max(1, hashed));
    }

    private void proofs(Figures figures, String sealId) throws SQLException {
        List<String> objectives = sealedObjectives(sealId);
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            String objective = objectives.get(random.nextInt(objectives.size()));
            long t0 = System.nanoTime();
            LedgerHttp.Response proof = service.http.get(service.http.queryUrl,
                    "/api/objectives/" + objective + "/proof?seal=" + sealId);
            latencies.record(System.nanoTime() - t0);
            if (proof.status() != 200) {
                throw new IllegalStateException("proof of " + objective + ": " + proof.status() + " " + proof.body());
            }
        }
        figures.put("proofs.count", latencies.count());
        figures.put("proofs.p50Ms", latencies.percentileMillis(50));
        figures.put("proofs.p99Ms", latencies.percentileMillis(99));
        System.out.printf("proof: %d proofs, p50 %.1f ms, p99 %.1f ms%n", latencies.count(),
                latencies.percentileMillis(50), latencies.percentileMillis(99));
    }

    private List<String> sealedObjectives(String sealId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection connection = service.jdbc.orElseThrow(() -> new IllegalStateException(
                "the proof workload reads the sealed objectives from the event store: give jdbc=")).connect();
             PreparedStatement statement = connection.prepareStatement("SELECT aggregate_identifier FROM seal_head "
                     + "WHERE seal_id = ? AND aggregate_type = 'Objective'")) {
            statement.setString(1, sealId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private void export(Figures figures, String sealId) throws IOException, InterruptedException {
        Path archive = Files.createTempFile("ledger-export-", ".zip");
        Path keys = Files.createTempFile("ledger-keys-", ".json");
        try {
            long t0 = System.nanoTime();
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(service.http.request(
                    service.http.queryUrl, "GET", "/api/exports/" + sealId).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                Files.copy(body, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            figures.put("export.seconds", (System.nanoTime() - t0) / 1e9);
            figures.put("export.megabytes", Files.size(archive) / 1e6);
            Files.writeString(keys, service.http.get(service.http.queryUrl, "/api/ledger/keys").body());
            OfflineVerification offline = OfflineVerification.run(verifierJar, verifierHeap, archive, keys);
            figures.put("offline.seconds", offline.seconds());
            figures.put("offline.eventsPerSecond", offline.events() / offline.seconds());
            figures.put("offline.peakRssMb", offline.peakRssMb());
            figures.put("offline.exitCode", offline.exitCode());
            figures.note("offline.verdict", offline.verdict());
            figures.note("offline.heapLimit", verifierHeap);
            System.out.printf("proof: export %.1f MB in %.1f s; offline verification (-Xmx%s) exit %d in %.1f s, "
                            + "peak RSS %.0f MB: %s%n", figures.get("export.megabytes"), figures.get("export.seconds"),
                    verifierHeap, offline.exitCode(), offline.seconds(), offline.peakRssMb(), offline.verdict());
        } finally {
            Files.deleteIfExists(archive);
            Files.deleteIfExists(keys);
        }
    }
}
