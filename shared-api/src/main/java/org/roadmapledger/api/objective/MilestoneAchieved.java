package org.roadmapledger.api.objective;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A milestone was achieved on {@code achievedOn}, which is also the effective date. */
@Revision("1")
public record MilestoneAchieved(
        ObjectiveId objectiveId,
        MilestoneId milestoneId,
        LocalDate achievedOn,
        String evidence,
        LocalDate effectiveOn) implements MilestoneEvent {
}
