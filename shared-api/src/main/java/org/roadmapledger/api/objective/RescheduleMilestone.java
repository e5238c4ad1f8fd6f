package org.roadmapledger.api.objective;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Move a milestone's due date, saying why. */
public record RescheduleMilestone(
        @TargetAggregateIdentifier @NotNull ObjectiveId objectiveId,
        @NotNull MilestoneId milestoneId,
        @NotNull LocalDate dueOn,
        @NotBlank @Size(max = 2000) String reason,
        LocalDate effectiveOn,
        Long expectedVersion) implements MilestoneCommand {
}
