package org.roadmapledger.api.objective;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An objective's wording changed; both fields carry the values in force from {@code effectiveOn}. */
@Revision("1")
public record ObjectiveAmended(
        ObjectiveId objectiveId,
        String title,
        String description,
        LocalDate effectiveOn) implements ObjectiveEvent {
}
