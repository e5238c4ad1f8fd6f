package org.roadmapledger.api.objective;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A dated milestone was added to an objective. */
@Revision("1")
public record MilestonePlanned(
        ObjectiveId objectiveId,
        MilestoneId milestoneId,
        String title,
        LocalDate dueOn,
        LocalDate effectiveOn) implements MilestoneEvent {
}
