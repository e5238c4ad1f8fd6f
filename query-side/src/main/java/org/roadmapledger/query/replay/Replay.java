package org.roadmapledger.query.replay;

import org.roadmapledger.query.processing.ProcessingGroups;
import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.roadmapledger.query.processing.Maintenance;
import org.roadmapledger.query.processing.ProcessingProperties;
import org.roadmapledger.query.processing.ViewProcessors;
import org.roadmapledger.query.web.ReplayGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds every read model from the event store: stops the view processors and resets their tokens (which calls
 * the projections' reset handlers, emptying the views and the dead-letter queues). Then either a
 * {@link ChunkedRebuild} feeds their handlers the stream in large chunks and starts them again where it stopped
 * ({@code ledger.processing.replay-chunk} above 0, the default), or they start again from the beginning of the
 * stream themselves. Queries answer 503 with Retry-After until every view has reached the head of the
 * stream as it was when the replay began. The replay needs every segment of the view processors: while another
 * instance holds one, it is refused and nothing is reset.
 */
@Component
public class Replay {

    public enum State { IDLE, RUNNING, COMPLETED }

    private static final Logger log = LoggerFactory.getLogger(Replay.class);
    private static final long CHECK_MILLIS = 250;

    private record Run(Instant startedAt, long headPosition, Instant finishedAt, ChunkedRebuild rebuild) {
    }

    private final ViewProcessors processors;
    private final TokenStore tokenStore;
    private final EventStore eventStore;
    private final ReplayGuard guard;
    private final Maintenance maintenance;
    private final ProcessingProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(
            task -> daemon(task, "replay-monitor"));
    private final ExecutorService rebuilding = Executors.newSingleThreadExecutor(
            task -> daemon(task, "replay-rebuild"));
    private final ExecutorService rebuildWorkers = Executors.newFixedThreadPool(ProcessingGroups.VIEWS.size(),
            task -> daemon(task, "replay-rebuild-views"));
    private volatile boolean stopping;
    private volatile Run run;
    private volatile ScheduledFuture<?> checking;
    private volatile Instant lastLogged = Instant.EPOCH;

    Replay(ViewProcessors processors, TokenStore tokenStore, @Lazy EventStore eventStore, ReplayGuard guard,
           Maintenance maintenance, ProcessingProperties properties, Clock clock) {
        this.processors = processors;
        this.tokenStore = tokenStore;
        this.eventStore = eventStore;
        this.guard = guard;
        this.maintenance = maintenance;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a replay and returns at once; {@link #progress()} follows it. */
    public ReplayProgress start() {
        if (!maintenance.begin(Duration.ofSeconds(30))) {
            throw new ReplayRefused("a reconciliation is repairing the views; try again when it ends");
        }
        try {
            if (!guard.begin()) {
                throw new ReplayRefused("a replay is already running");
            }
            try {
                long head = ChunkedRebuild.positionOf(eventStore.createHeadToken());
                ChunkedRebuild rebuild = properties.replayChunk() > 0 ? new ChunkedRebuild(processors, tokenStore,
                        eventStore, properties.replayChunk(), rebuildWorkers) : null;
                resetAll(rebuild == null);
                run = new Run(clock.instant(), head, null, rebuild);
                if (rebuild != null) {
                    rebuilding.execute(() -> rebuild(rebuild, head));
                }
                lastLogged = run.startedAt();
                log.info("Replay: rebuilding {} from the event store, {} events", ProcessingGroups.VIEWS, head);
                checking = monitor.scheduleWithFixedDelay(this::check, CHECK_MILLIS, CHECK_MILLIS,
                        TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                guard.end();
                throw e;
            }
        } finally {
            maintenance.end();
        }
        return progress();
    }

    public ReplayProgress progress() {
        Run current = run;
        if (current == null) {
            return ReplayProgress.idle();
        }
        List<ReplayProgress.Processor> views = new ArrayList<>();
        long applied = Long.MAX_VALUE;
        for (String name : ProcessingGroups.VIEWS) {
            ReplayProgress.Processor view = describe(name);
            views.add(view);
            applied = Math.min(applied, view.position());
        }
        if (current.rebuild() != null) {
            applied = Math.max(applied, current.rebuild().position());
        }
        long total = current.headPosition();
        boolean done = current.finishedAt() != null;
        applied = done ? total : Math.min(applied, total);
        Instant until = done ? current.finishedAt() : clock.instant();
        double seconds = Math.max(0.001, Duration.between(current.startedAt(), until).toMillis() / 1000.0);
        double rate = applied / seconds;
        Long eta = done ? Long.valueOf(0) : rate > 0 ? Long.valueOf(Math.round((total - applied) / rate)) : null;
        double percent = total == 0 ? 100 : Math.floor(1000.0 * applied / total) / 10;
        return new ReplayProgress(done ? State.COMPLETED : State.RUNNING, current.startedAt(), current.finishedAt(),
                applied, total, percent, Math.round(rate * 10) / 10.0, eta, views);
    }

    /**
     * Claims every segment before touching anything, so that a refusal leaves the views as they were; starts the
     * processors again when refused, or when {@code restart} (else the rebuild starts them).
     */
    private void resetAll(boolean restart) {
        List<StreamingEventProcessor> all = processors.all();
        all.forEach(StreamingEventProcessor::shutDown);
        boolean reset = false;
        try {
            for (String name : ProcessingGroups.VIEWS) {
                for (int segment : tokenStore.fetchSegments(name)) {
                    try {
                        tokenStore.fetchToken(name, segment);
                    } catch (UnableToClaimTokenException claimedElsewhere) {
                        throw new ReplayRefused("segment " + segment + " of " + name + " is claimed by another "
                                + "query-side instance: stop the other instances' processors, then replay");
                    }
                }
            }
            all.forEach(StreamingEventProcessor::resetTokens);
            reset = true;
        } finally {
            if (restart || !reset) {
                all.forEach(StreamingEventProcessor::start);
            }
        }
    }

    private void rebuild(ChunkedRebuild rebuild, long head) {
        try {
            rebuild.run(head);
            log.info("Replay: the views are rebuilt up to position {}; the processors go on from there",
                    rebuild.position());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError e) {
            log.warn("Replay: the rebuild stopped at position {}; the processors go on from there",
                    rebuild.position(), e);
        } finally {
            if (!stopping) {
                processors.all().forEach(StreamingEventProcessor::start);
            }
        }
    }

    private ReplayProgress.Processor describe(String name) {
        StreamingEventProcessor processor = processors.processor(name);
        Map<Integer, EventTrackerStatus> owned = processor.processingStatus();
        long position = owned.isEmpty() ? 0 : Long.MAX_VALUE;
        int replaying = 0;
        String error = null;
        for (EventTrackerStatus status : owned.values()) {
            position = Math.min(position, status.getCurrentPosition().orElse(0));
            replaying += status.isReplaying() ? 1 : 0;
            if (status.isErrorState()) {
                error = String.valueOf(status.getError());
            }
        }
        return new ReplayProgress.Processor(name, tokenStore.fetchSegments(name).length, owned.size(), replaying,
                position, error);
    }

    private void check() {
        try {
            ReplayProgress progress = progress();
            // A segment's token stays a replay token until an event newer than the reset arrives (Axon's
            // ReplayToken), so the replay is done when every segment has reached the head it started from.
            boolean done = progress.processors().stream().allMatch(p -> p.segmentsClaimed() == p.segments()
                    && p.error() == null && p.position() >= progress.eventsTotal());
            if (done) {
                finish();
            } else if (!clock.instant().isBefore(lastLogged.plus(properties.progressLogInterval()))) {
                lastLogged = clock.instant();
                log.info("Replay: {}/{} events ({} %), {} events/s, ETA {} s{}", progress.eventsApplied(),
                        progress.eventsTotal(), progress.percent(), progress.eventsPerSecond(),
                        progress.etaSeconds() == null ? "?" : progress.etaSeconds(), errors(progress));
            }
        } catch (RuntimeException e) {
            log.warn("Replay: could not read the processors' progress", e);
        }
    }

    private void finish() {
        Run current = run;
        run = new Run(current.startedAt(), current.headPosition(), clock.instant(), current.rebuild());
        guard.end();
        checking.cancel(false);
        ReplayProgress done = progress();
        log.info("Replay: completed, {} events (100 %) in {} s, {} events/s", done.eventsTotal(),
                Duration.between(done.startedAt(), done.finishedAt()).toMillis() / 1000.0, done.eventsPerSecond());
    }

    private static String errors(ReplayProgress progress) {
        return progress.processors().stream().filter(p -> p.error() != null)
                .map(p -> "; " + p.name() + " failing: " + p.error()).reduce("", String::concat);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        monitor.shutdownNow();
        rebuilding.shutdownNow();
        rebuildWorkers.shutdownNow();
    }
}
