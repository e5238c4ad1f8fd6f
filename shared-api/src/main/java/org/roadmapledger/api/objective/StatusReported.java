package org.roadmapledger.api.objective;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A status was reported for an objective; {@code progressPercent} and {@code comment} may be null. */
@Revision("1")
public record StatusReported(
        ObjectiveId objectiveId,
        ObjectiveStatus status,
        Integer progressPercent,
        String comment,
        LocalDate effectiveOn) implements ObjectiveEvent {
}
