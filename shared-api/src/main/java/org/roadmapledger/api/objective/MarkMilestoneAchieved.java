package org.roadmapledger.api.objective;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Record that a milestone was achieved; the achievement date is the effective date. */
public record MarkMilestoneAchieved(
        @TargetAggregateIdentifier @NotNull ObjectiveId objectiveId,
        @NotNull MilestoneId milestoneId,
        @NotNull LocalDate achievedOn,
        @Size(max = 4000) String evidence,
        Long expectedVersion) implements MilestoneCommand {

    @Override
    public LocalDate effectiveOn() {
        return achievedOn;
    }
}
