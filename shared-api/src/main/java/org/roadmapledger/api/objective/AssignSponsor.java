package org.roadmapledger.api.objective;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Make an entity the sponsor (porteur) of an objective. */
public record AssignSponsor(
        @TargetAggregateIdentifier @NotNull ObjectiveId objectiveId,
        @NotBlank @Size(max = 64) String sponsor,
        @Size(max = 2000) String reason,
        LocalDate effectiveOn,
        Long expectedVersion) implements ObjectiveCommand {
}
