package org.roadmapledger.query.proof;

import org.roadmapledger.platform.proof.ProofProperties;
import org.roadmapledger.platform.proof.PublicKeys;
import org.roadmapledger.platform.proof.SealRows;
import org.roadmapledger.proof.LedgerCheck;
import org.roadmapledger.proof.Seal;
import org.roadmapledger.proof.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifies the whole ledger in the background, one run at a time: every chain, then every seal's root, signature
 * and extension of the one before, against the public keys of the key directory. Progress (a percentage and a rate)
 * goes to the log every five seconds and to {@code GET /api/verification/{runId}}.
 */
class LedgerVerification implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LedgerVerification.class);
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;
    private static final int RUNS_KEPT = 20;

    private final ProofReads reads;
    private final SealRows seals;
    private final ProofProperties properties;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-verification");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Progress> runs = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Progress> eldest) {
            return size() > RUNS_KEPT;
        }
    });

    LedgerVerification(ProofReads reads, SealRows seals, ProofProperties properties, Clock clock) {
        this.reads = reads;
        this.seals = seals;
        this.properties = properties;
        this.clock = clock;
    }

    VerificationRun start() {
        Progress progress = new Progress(UUID.randomUUID().toString(), clock.instant(), reads.count());
        runs.put(progress.runId, progress);
        worker.execute(() -> run(progress));
        return progress.view();
    }

    Optional<VerificationRun> run(String runId) {
        return Optional.ofNullable(runs.get(runId)).map(Progress::view);
    }

    private void run(Progress progress) {
        try {
            List<Seal> withHeads = seals.statements().stream().map(seals::withHeads).toList();
            LedgerCheck check = new LedgerCheck(withHeads, PublicKeys.in(properties.keyDir()));
            long[] lastLog = {System.nanoTime()};
            reads.all(event -> {
                check.accept(event);
                progress.events.incrementAndGet();
                if (System.nanoTime() - lastLog[0] > LOG_EVERY_NANOS) {
                    lastLog[0] = System.nanoTime();
                    VerificationRun now = progress.view();
                    log.info("Verification {}: {} of {} events ({} %), {} events/s", progress.runId, now.events(),
                            now.totalEvents(), now.percent(), now.eventsPerSecond());
                }
            });
            progress.finish(check.finish(), clock.instant());
            log.info("Verification {}: {}", progress.runId, progress.verdict.summary());
        } catch (RuntimeException e) {
            log.error("Verification {} could not finish", progress.runId, e);
            progress.fail(e, clock.instant());
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    private static final class Progress {

        private final String runId;
        private final Instant startedAt;
        private final long started = System.nanoTime();
        private final long total;
        private final AtomicLong events = new AtomicLong();
        private volatile Verdict verdict;
        private volatile Instant finishedAt;
        private volatile long finishedNanos;
        private volatile String error;

        Progress(String runId, Instant startedAt, long total) {
            this.runId = runId;
            this.startedAt = startedAt;
            this.total = total;
        }

        void finish(Verdict verdict, Instant at) {
            this.finishedNanos = System.nanoTime();
            this.verdict = verdict;
            this.finishedAt = at;
        }

        void fail(RuntimeException e, Instant at) {
            this.finishedNanos = System.nanoTime();
            this.error = String.valueOf(e.getMessage());
            this.finishedAt = at;
        }

        VerificationRun view() {
            long done = events.get();
            long end = finishedAt != null ? finishedNanos : System.nanoTime();
            long rate = done * 1_000_000_000L / Math.max(1, end - started);
            int percent = total == 0 ? (finishedAt == null ? 0 : 100) : (int) Math.min(100, done * 100 / total);
            VerificationRun.State state = error != null ? VerificationRun.State.ERROR
                    : verdict == null ? VerificationRun.State.RUNNING
                    : verdict.valid() ? VerificationRun.State.VERIFIED : VerificationRun.State.FAILED;
            return new VerificationRun(runId, state, done, Math.max(total, done), percent, rate, startedAt,
                    finishedAt, verdict == null ? null : verdict.summary(), verdict, error);
        }
    }
}
