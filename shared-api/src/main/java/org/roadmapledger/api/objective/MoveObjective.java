package org.roadmapledger.api.objective;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Place an objective under another axis and priority. */
public record MoveObjective(
        @TargetAggregateIdentifier @NotNull ObjectiveId objectiveId,
        @NotBlank @Size(max = 32) String axis,
        @NotBlank @Size(max = 32) String priority,
        LocalDate effectiveOn,
        Long expectedVersion) implements ObjectiveCommand {
}
