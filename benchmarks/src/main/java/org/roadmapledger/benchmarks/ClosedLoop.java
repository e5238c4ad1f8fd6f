package org.roadmapledger.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed pool of client threads, each calling as fast as answers come back (or, with a rate, at its share of
 * that rate) for a fixed duration after a warm-up; each call timed with {@link System#nanoTime()}. The latency of
 * a paced call is measured from when it was actually sent: a call delayed by a slow predecessor is not charged
 * for its wait, so paced percentiles are a lower bound when the service cannot keep up (see the achieved rate).
 * A call counts when it was sent within the measured window, even if its answer comes after the window closed.
 */
final class ClosedLoop {

    /** One client's unit of work; {@code true} when it succeeded. A thrown exception counts as a failure. */
    interface Call {
        boolean call() throws Exception;
    }

    /** Makes the call of client {@code index}: its own state (its milestone, its random generator) lives there. */
    interface Clients {
        Call client(int index) throws Exception;
    }

    private ClosedLoop() {
    }

    static LoadResult run(String name, int clients, Duration warmup, Duration duration, Clients factory) {
        return run(name, clients, warmup, duration, 0, factory);
    }

    /** @param perSecond the total rate to pace all clients to, or 0 for as fast as they can */
    static LoadResult run(String name, int clients, Duration warmup, Duration duration, double perSecond,
                          Clients factory) {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long until = measureFrom + duration.toNanos();
        long interval = perSecond > 0 ? (long) (1e9 * clients / perSecond) : 0;
        ExecutorService pool = Executors.newFixedThreadPool(clients, runnable -> {
            Thread thread = new Thread(runnable, "bench-" + name);
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Tally>> tallies = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Call call = factory.client(i); // may open a connection: before the clock starts matters little
                long offset = interval * i / clients;
                tallies.add(pool.submit(() -> loop(call, start + offset, measureFrom, until, interval)));
            }
            Tally total = new Tally();
            for (Future<Tally> tally : tallies) {
                total.add(tally.get());
            }
            return total.result(name, clients, duration.toNanos() / 1e9);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(name + ": " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(name + ": cannot set up a client: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Tally loop(Call call, long firstSlot, long measureFrom, long until, long interval) {
        Tally tally = new Tally();
        long slot = firstSlot;
        while (true) {
            if (interval > 0) {
                long wait = slot - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                slot += interval;
            }
            long sent = System.nanoTime();
            if (sent >= until) {
                return tally;
            }
            boolean ok;
            String error = null;
            try {
                ok = call.call();
            } catch (Exception e) {
                ok = false;
                error = e.toString();
            }
            if (sent >= measureFrom) {
                tally.count(ok, System.nanoTime() - sent, error);
            }
        }
    }
}
