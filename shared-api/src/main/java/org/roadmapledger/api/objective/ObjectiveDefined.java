package org.roadmapledger.api.objective;

import org.axonframework.serialization.Revision;
import org.roadmapledger.api.roadmap.RoadmapId;

import java.time.LocalDate;

/**
 * An objective was added to a roadmap, under an axis and a priority. {@code titleProvisional}: its title is a
 * placeholder until the official wording is known (revision 2; events of revision 1 are read with false).
 */
@Revision("2")
public record ObjectiveDefined(
        ObjectiveId objectiveId,
        RoadmapId roadmapId,
        String axis,
        String priority,
        String title,
        String description,
        LocalDate effectiveOn,
        boolean titleProvisional) implements ObjectiveEvent {

    /** With an official title, as every definition through the API has. */
    public ObjectiveDefined(ObjectiveId objectiveId, RoadmapId roadmapId, String axis, String priority, String title,
                            String description, LocalDate effectiveOn) {
        this(objectiveId, roadmapId, axis, priority, title, description, effectiveOn, false);
    }
}
