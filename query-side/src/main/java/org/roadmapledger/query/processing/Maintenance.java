package org.roadmapledger.query.processing;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One maintenance task on the views at a time in this instance: a reconciliation repairing views while a replay
 * drops them would write half an objective into the rebuilt views, which the replay would then skip as done.
 */
@Component
public class Maintenance {

    private final ReentrantLock lock = new ReentrantLock();

    /** Takes the views for maintenance, waiting up to {@code wait}; false if another task keeps them. */
    public boolean begin(Duration wait) {
        try {
            return lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public void end() {
        lock.unlock();
    }
}
