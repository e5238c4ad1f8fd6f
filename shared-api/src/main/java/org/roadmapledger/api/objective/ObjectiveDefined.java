package org.roadmapledger.api.objective;

import org.axonframework.serialization.Revision;
import org.roadmapledger.api.roadmap.RoadmapId;

import java.time.LocalDate;

/** An objective was added to a roadmap, under an axis and a priority. */
@Revision("1")
public record ObjectiveDefined(
        ObjectiveId objectiveId,
        RoadmapId roadmapId,
        String axis,
        String priority,
        String title,
        String description,
        LocalDate effectiveOn) implements ObjectiveEvent {
}
