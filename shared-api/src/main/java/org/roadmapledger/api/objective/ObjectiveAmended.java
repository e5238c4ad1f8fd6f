package org.roadmapledger.api.objective;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An objective's wording changed; every field carries the values in force from {@code effectiveOn}, whether its
 * title is a placeholder ({@code titleProvisional}) included (revision 2; events of revision 1 are read with false).
 */
@Revision("2")
public record ObjectiveAmended(
        ObjectiveId objectiveId,
        String title,
        String description,
        LocalDate effectiveOn,
        boolean titleProvisional) implements ObjectiveEvent {

    /** With an official title, as every amendment through the API has. */
    public ObjectiveAmended(ObjectiveId objectiveId, String title, String description, LocalDate effectiveOn) {
        this(objectiveId, title, description, effectiveOn, false);
    }
}
