package org.roadmapledger.query.objective.versions;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Lets a read wait, without holding a thread, until an objective's views reach a version. This instance's
 * projection completes the waits as it applies events; a periodic look at the stored positions completes those
 * whose events another instance applied.
 */
@Component
public class ProjectionProgress {

    private record Waiter(long version, CompletableFuture<Void> reached) {
    }

    private final Map<String, List<Waiter>> waiters = new ConcurrentHashMap<>();
    private final ObjectiveVersionStore store;

    ProjectionProgress(@org.springframework.context.annotation.Lazy ObjectiveVersionStore store) {
        this.store = store;
    }

    /** Completes when the objective's views include its event with that sequence number. */
    public CompletableFuture<Void> reached(String objectiveId, long version) {
        CompletableFuture<Void> reached = new CompletableFuture<>();
        Waiter waiter = new Waiter(version, reached);
        waiters.computeIfAbsent(objectiveId, id -> new CopyOnWriteArrayList<>()).add(waiter);
        reached.whenComplete((ok, failure) -> forget(objectiveId, waiter));
        if (store.lastSequence(objectiveId) >= version) {
            reached.complete(null);
        }
        return reached;
    }

    void applied(String objectiveId, long sequence) {
        List<Waiter> list = waiters.get(objectiveId);
        if (list != null) {
            for (Waiter waiter : list) {
                if (sequence >= waiter.version()) {
                    waiter.reached().complete(null);
                }
            }
        }
    }

    @Scheduled(fixedDelay = 200)
    void pollStoredPositions() {
        for (String objectiveId : new ArrayList<>(waiters.keySet())) {
            applied(objectiveId, store.lastSequence(objectiveId));
        }
    }

    private void forget(String objectiveId, Waiter waiter) {
        waiters.computeIfPresent(objectiveId, (id, list) -> {
            list.remove(waiter);
            return list.isEmpty() ? null : list;
        });
    }
}
