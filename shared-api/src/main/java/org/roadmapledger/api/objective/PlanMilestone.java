package org.roadmapledger.api.objective;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Add a dated milestone to an objective. */
public record PlanMilestone(
        @TargetAggregateIdentifier @NotNull ObjectiveId objectiveId,
        @NotNull MilestoneId milestoneId,
        @NotBlank @Size(max = 500) String title,
        @NotNull LocalDate dueOn,
        LocalDate effectiveOn,
        Long expectedVersion) implements MilestoneCommand {
}
