package org.roadmapledger.query;

import org.roadmapledger.query.processing.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A test-only handler that runs first in the objective-versions group: it fails every event of a poisoned
 * objective (a projection bug that only some data triggers), or holds a gated objective's events until released
 * (a slow replay, long enough to watch).
 */
@ProcessingGroup(ProcessingGroups.OBJECTIVE_VERSIONS)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FaultInjection {

    private final Set<String> poisoned = ConcurrentHashMap.newKeySet();
    private volatile String gated;
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public void poison(String objectiveId) {
        poisoned.add(objectiveId);
    }

    public void cure(String objectiveId) {
        poisoned.remove(objectiveId);
    }

    /** Holds the events of that objective until {@link #open()}, at most a minute. */
    public void close(String objectiveId) {
        gate = new CountDownLatch(1);
        gated = objectiveId;
    }

    public void open() {
        gate.countDown();
        gated = null;
    }

    @EventHandler
    void on(ObjectiveEvent event) throws InterruptedException {
        String objectiveId = event.objectiveId().value();
        if (poisoned.contains(objectiveId)) {
            throw new IllegalStateException("injected failure for objective " + objectiveId);
        }
        if (objectiveId.equals(gated)) {
            gate.await(1, TimeUnit.MINUTES);
        }
    }
}
