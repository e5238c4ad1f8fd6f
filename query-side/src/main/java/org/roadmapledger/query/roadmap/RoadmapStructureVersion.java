package org.roadmapledger.query.roadmap;

import org.roadmapledger.api.roadmap.AxisDefinition;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/** One published structure of a roadmap, with when it was recorded and the date it took effect. */
@Document(RoadmapStructureVersion.COLLECTION)
public record RoadmapStructureVersion(
        @Id String id,
        String roadmapId,
        int structureVersion,
        String title,
        List<AxisDefinition> axes,
        Instant recordedAt,
        String effectiveOn) {

    public static final String COLLECTION = "roadmap_structures";
}
