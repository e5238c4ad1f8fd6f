package org.roadmapledger.query;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.api.roadmap.RoadmapStructurePublished;

import java.time.Instant;
import java.util.UUID;

/**
 * Appends events to the real event store as the command side would, with the recording time a test chooses:
 * the query side takes every time from the events, so tests can place them anywhere on the recorded axis.
 */
public class LedgerEvents {

    private final EventStore eventStore;

    public LedgerEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Appends the objective's next event, recorded at {@code recordedAt}; returns its sequence number. */
    public long record(ObjectiveEvent event, Instant recordedAt) {
        String id = event.objectiveId().value();
        long sequence = next(id);
        eventStore.publish(new GenericDomainEventMessage<>("Objective", id, sequence, event,
                MetaData.with("actor", "test").and("correlationId", "corr-" + id + "-" + sequence),
                UUID.randomUUID().toString(), recordedAt));
        return sequence;
    }

    /** Appends the objective's next event with the metadata the command side writes; returns its sequence. */
    public long record(ObjectiveEvent event, Instant recordedAt, MetaData metaData, String eventId) {
        long sequence = next(event.objectiveId().value());
        eventStore.publish(new GenericDomainEventMessage<>("Objective", event.objectiveId().value(), sequence,
                event, metaData, eventId, recordedAt));
        return sequence;
    }

    public void record(RoadmapStructurePublished event, Instant recordedAt) {
        String id = event.roadmapId().value();
        long sequence = next(id);
        eventStore.publish(new GenericDomainEventMessage<>("Roadmap", id, sequence, event, MetaData.emptyInstance(),
                UUID.randomUUID().toString(), recordedAt));
    }

    // From the event store itself, so that any number of test classes can append to the same aggregates.
    private long next(String aggregateId) {
        return eventStore.lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
    }
}
