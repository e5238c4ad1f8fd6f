package org.roadmapledger.api.roadmap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** An axis of the roadmap with its priorities, in the roadmap's order. */
public record AxisDefinition(
        @NotBlank @Size(max = 32) String code,
        @NotBlank @Size(max = 500) String title,
        @NotNull @Size(max = 100) List<@Valid @NotNull PriorityDefinition> priorities) {

    public AxisDefinition {
        priorities = priorities == null ? null : List.copyOf(priorities);
    }
}
