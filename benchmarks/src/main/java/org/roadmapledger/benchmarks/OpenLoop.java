package org.roadmapledger.benchmarks;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Calls offered at a fixed rate whatever the answers do, as users arrive: the k-th call is due at
 * {@code start + k / rate} and is timed from then, so a call that waits for a free thread behind slow answers is
 * charged for its wait (no coordinated omission, unlike a closed loop, which slows down with the service it
 * measures). At most {@code maxInFlight} calls run at once; a call due while that many are running is not sent and
 * counts as failed. A call counts when it was due within the measured window.
 */
final class OpenLoop {

    private static final Duration DRAIN = Duration.ofSeconds(60);

    private OpenLoop() {
    }

    static LoadResult run(String name, double perSecond, int maxInFlight, Duration warmup, Duration duration,
                          ClosedLoop.Clients factory) {
        AtomicInteger threads = new AtomicInteger();
        ThreadLocal<ClosedLoop.Call> calls = ThreadLocal.withInitial(() -> {
            try {
                return factory.client(threads.getAndIncrement());
            } catch (Exception e) {
                throw new IllegalStateException(name + ": cannot set up a client: " + e, e);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(maxInFlight, runnable -> {
            Thread thread = new Thread(runnable, "bench-open-" + name);
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger inFlight = new AtomicInteger();
        Tally tally = new Tally();
        long interval = (long) (1e9 / perSecond);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long until = measureFrom + duration.toNanos();
        try {
            for (long due = start; due < until; due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                boolean measured = due >= measureFrom;
                if (inFlight.incrementAndGet() > maxInFlight) {
                    inFlight.decrementAndGet();
                    if (measured) {
                        tally.count(false, 0, maxInFlight + " calls in flight: the service does not keep up");
                    }
                    continue;
                }
                long dueAt = due;
                pool.execute(() -> {
                    boolean ok;
                    String error = null;
                    try {
                        ok = calls.get().call();
                    } catch (Exception e) {
                        ok = false;
                        error = e.toString();
                    } finally {
                        inFlight.decrementAndGet();
                    }
                    if (measured) {
                        tally.count(ok, System.nanoTime() - dueAt, error);
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(DRAIN.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + ": calls still running " + DRAIN + " after the window");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        return tally.result(name, maxInFlight, duration.toNanos() / 1e9);
    }
}
