package org.roadmapledger.api.objective;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Change an objective's title or description; null leaves a field as it is, an empty description clears it. A new
 * title is official unless {@code titleProvisional} (only an import says so); a null title keeps the mark it had.
 */
public record AmendObjective(
        @TargetAggregateIdentifier @NotNull ObjectiveId objectiveId,
        @Size(min = 1, max = 500) String title,
        @Size(max = 10000) String description,
        LocalDate effectiveOn,
        Long expectedVersion,
        boolean titleProvisional) implements ObjectiveCommand {

    public AmendObjective(ObjectiveId objectiveId, String title, String description, LocalDate effectiveOn,
                          Long expectedVersion) {
        this(objectiveId, title, description, effectiveOn, expectedVersion, false);
    }
}
