package org.roadmapledger.api.roadmap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Publish the roadmap's structure (title, axes, priorities) as a whole. Refused when nothing differs from the
 * structure in force, or when a priority that still holds objectives would disappear.
 */
public record PublishRoadmapStructure(
        @TargetAggregateIdentifier @NotNull RoadmapId roadmapId,
        @NotBlank @Size(max = 500) String title,
        @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull AxisDefinition> axes,
        LocalDate effectiveOn) {

    public PublishRoadmapStructure {
        axes = axes == null ? null : List.copyOf(axes);
    }
}
