package org.roadmapledger.query;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.api.roadmap.RoadmapStructurePublished;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Appends events to the real event store as the command side would, with the recording time a test chooses:
 * the query side takes every time from the events, so tests can place them anywhere on the recorded axis.
 */
public class LedgerEvents {

    private final EventStore eventStore;
    private final Map<String, Long> sequences = new HashMap<>();

    public LedgerEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Appends the objective's next event, recorded at {@code recordedAt}; returns its sequence number. */
    public long record(ObjectiveEvent event, Instant recordedAt) {
        String id = event.objectiveId().value();
        long sequence = sequences.merge(id, 0L, (last, zero) -> last + 1);
        eventStore.publish(new GenericDomainEventMessage<>("Objective", id, sequence, event,
                MetaData.with("actor", "test").and("correlationId", "corr-" + id + "-" + sequence),
                UUID.randomUUID().toString(), recordedAt));
        return sequence;
    }

    public void record(RoadmapStructurePublished event, Instant recordedAt) {
        String id = event.roadmapId().value();
        long sequence = sequences.merge("roadmap:" + id, 0L, (last, zero) -> last + 1);
        eventStore.publish(new GenericDomainEventMessage<>("Roadmap", id, sequence, event, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), recordedAt));
    }
}
