package org.roadmapledger.api.roadmap;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A roadmap's whole structure was published. {@code structureVersion} counts publications from 1, so readers
 * can tell which structure an objective was placed under. Revision 2: each priority says whether its title is
 * provisional (read as false in events of revision 1).
 */
@Revision("2")
public record RoadmapStructurePublished(
        RoadmapId roadmapId,
        int structureVersion,
        String title,
        List<AxisDefinition> axes,
        LocalDate effectiveOn) {

    public RoadmapStructurePublished {
        axes = List.copyOf(axes);
    }
}
