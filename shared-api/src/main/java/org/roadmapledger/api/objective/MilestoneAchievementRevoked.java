package org.roadmapledger.api.objective;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** A milestone's earlier achievement was withdrawn. */
@Revision("1")
public record MilestoneAchievementRevoked(
        ObjectiveId objectiveId,
        MilestoneId milestoneId,
        String reason,
        LocalDate effectiveOn) implements MilestoneEvent {
}
