package org.roadmapledger.command.roadmap;

import org.roadmapledger.api.roadmap.AxisDefinition;

import java.util.List;

/** The roadmap structure in force, as the roadmap import compares it with its file. */
public record RoadmapImportView(int structureVersion, String title, List<AxisDefinition> axes) {

    public RoadmapImportView {
        axes = List.copyOf(axes);
    }
}
