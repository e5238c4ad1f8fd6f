package org.roadmapledger.api.objective;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Add an objective to the roadmap under an existing axis and priority; only an import marks a title provisional. */
public record DefineObjective(
        @TargetAggregateIdentifier @NotNull ObjectiveId objectiveId,
        @NotBlank @Size(max = 32) String axis,
        @NotBlank @Size(max = 32) String priority,
        @NotBlank @Size(max = 500) String title,
        @Size(max = 10000) String description,
        LocalDate effectiveOn,
        Long expectedVersion,
        boolean titleProvisional) implements ObjectiveCommand {

    public DefineObjective(ObjectiveId objectiveId, String axis, String priority, String title, String description,
                           LocalDate effectiveOn, Long expectedVersion) {
        this(objectiveId, axis, priority, title, description, effectiveOn, expectedVersion, false);
    }
}
