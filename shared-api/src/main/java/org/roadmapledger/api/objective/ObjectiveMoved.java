package org.roadmapledger.api.objective;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An objective was placed under another axis and priority. */
@Revision("1")
public record ObjectiveMoved(
        ObjectiveId objectiveId,
        String axis,
        String priority,
        String previousAxis,
        String previousPriority,
        LocalDate effectiveOn) implements ObjectiveEvent {
}
