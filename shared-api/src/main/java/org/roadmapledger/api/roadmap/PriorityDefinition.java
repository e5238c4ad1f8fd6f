package org.roadmapledger.api.roadmap;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A priority of an axis: its code (e.g. {@code 1.P1}), its title, and whether that title is a placeholder. */
public record PriorityDefinition(
        @NotBlank @Size(max = 32) String code,
        @NotBlank @Size(max = 500) String title,
        boolean titleProvisional) {

    /** With an official title. */
    public PriorityDefinition(String code, String title) {
        this(code, title, false);
    }
}
