package org.roadmapledger.query.web;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * While the views are rebuilt they are incomplete: queries get 503 with Retry-After rather than a partial
 * answer that looks complete.
 */
@Component
public class ReplayGuard {

    private final AtomicBoolean rebuilding = new AtomicBoolean();

    public void requireViews() {
        if (rebuilding.get()) {
            throw new Unavailable("the views are being rebuilt from the event store", Duration.ofSeconds(5));
        }
    }

    public boolean begin() {
        return rebuilding.compareAndSet(false, true);
    }

    public void end() {
        rebuilding.set(false);
    }

    public boolean rebuilding() {
        return rebuilding.get();
    }
}
