package org.roadmapledger.query.objective;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.roadmapledger.api.objective.ObjectiveEvent;

import java.time.Instant;

/** An objective's event as the event store holds it: its sequence number and when it was recorded. */
public record RecordedEvent(long sequence, Instant recordedAt, ObjectiveEvent event) {

    /** The event as the processor delivers it. */
    public DomainEventMessage<ObjectiveEvent> message() {
        String objectiveId = event.objectiveId().value();
        return new GenericDomainEventMessage<>("Objective", objectiveId, sequence, event, MetaData.emptyInstance(),
                objectiveId + "/" + sequence, recordedAt);
    }
}
