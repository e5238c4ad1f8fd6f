package org.roadmapledger.api.objective;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Withdraw a milestone's achievement, saying why. */
public record RevokeMilestoneAchievement(
        @TargetAggregateIdentifier @NotNull ObjectiveId objectiveId,
        @NotNull MilestoneId milestoneId,
        @NotBlank @Size(max = 2000) String reason,
        LocalDate effectiveOn,
        Long expectedVersion) implements MilestoneCommand {
}
