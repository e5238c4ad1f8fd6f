package org.roadmapledger.query.reconciliation;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.roadmapledger.query.objective.versions.ObjectiveVersionStore;

import java.util.ArrayList;
import java.util.List;

/**
 * Any event store, through Axon's API only (Axon Server): pages over the objectives the views know and asks the
 * store for each one's last sequence number, one call per objective. It cannot find an objective the views have
 * never seen at all; on Axon Server the stream has no gaps, so none is expected.
 */
class AxonStoredObjectives implements StoredObjectives {

    private final EventStore eventStore;
    private final ObjectiveVersionStore views;

    AxonStoredObjectives(EventStore eventStore, ObjectiveVersionStore views) {
        this.eventStore = eventStore;
        this.views = views;
    }

    @Override
    public List<Stored> page(String afterId, int size) {
        List<Stored> page = new ArrayList<>();
        for (String objectiveId : views.objectiveIdsAfter(afterId, size)) {
            eventStore.lastSequenceNumberFor(objectiveId).ifPresent(last -> page.add(new Stored(objectiveId, last)));
        }
        return page;
    }

    @Override
    public String source() {
        return "axon-event-store";
    }
}
