package org.roadmapledger.query.feed;

import org.axonframework.common.AxonThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The threads every subscriber of the feed runs its steps on, whatever their number: a few workers, and a timer for
 * the steps that wait for the next poll. A step handed over once the feed stopped is dropped.
 */
final class FeedWorkers {

    private static final Logger log = LoggerFactory.getLogger(FeedWorkers.class);

    private final int count;
    private final Duration pollInterval;
    private ExecutorService workers;
    private ScheduledExecutorService timer;

    FeedWorkers(int count, Duration pollInterval) {
        this.count = Math.max(1, count);
        this.pollInterval = pollInterval;
    }

    void start() {
        workers = Executors.newFixedThreadPool(count, new AxonThreadFactory("ledger-feed-worker"));
        timer = Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("ledger-feed-timer"));
    }

    void execute(Runnable task) {
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("Feed stopped; a subscriber's step is dropped");
        }
    }

    /** Runs the task after the poll interval. */
    void later(Runnable task) {
        try {
            timer.schedule(task, Math.max(1, pollInterval.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            log.debug("Feed stopped; a delayed step is dropped");
        }
    }

    /** Lets the steps under way finish, for up to 5 s. */
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (workers != null) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
