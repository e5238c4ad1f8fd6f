package org.roadmapledger.api.objective;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A milestone's due date was moved. */
@Revision("1")
public record MilestoneRescheduled(
        ObjectiveId objectiveId,
        MilestoneId milestoneId,
        LocalDate dueOn,
        LocalDate previousDueOn,
        String reason,
        LocalDate effectiveOn) implements MilestoneEvent {
}
