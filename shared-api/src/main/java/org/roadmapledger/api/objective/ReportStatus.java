package org.roadmapledger.api.objective;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Report where an objective stands. */
public record ReportStatus(
        @TargetAggregateIdentifier @NotNull ObjectiveId objectiveId,
        @NotNull ObjectiveStatus status,
        @Min(0) @Max(100) Integer progressPercent,
        @Size(max = 4000) String comment,
        LocalDate effectiveOn,
        Long expectedVersion) implements ObjectiveCommand {
}
