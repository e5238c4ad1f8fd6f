package org.roadmapledger.query.feed;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The feed's running flag, and the reader's back-off that ends as soon as the feed stops. */
final class StopSignal {

    private volatile boolean running;

    boolean running() {
        return running;
    }

    void start() {
        running = true;
    }

    synchronized void stop() {
        running = false;
        notifyAll();
    }

    /** Waits that long, unless the feed stops meanwhile: true when the wait ran out while still running. */
    synchronized boolean pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        while (running) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
