package org.roadmapledger.query.objective;

import org.roadmapledger.api.objective.ObjectiveEvent;

import java.time.Instant;

/** An objective's event as the event store holds it: its sequence number and when it was recorded. */
public record RecordedEvent(long sequence, Instant recordedAt, ObjectiveEvent event) {
}
