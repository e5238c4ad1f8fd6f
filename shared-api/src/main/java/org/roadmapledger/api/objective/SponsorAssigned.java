package org.roadmapledger.api.objective;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** An entity became the sponsor of an objective; {@code previousSponsor} is the one in effect before, or null. */
@Revision("1")
public record SponsorAssigned(
        ObjectiveId objectiveId,
        String sponsor,
        String previousSponsor,
        String reason,
        LocalDate effectiveOn) implements ObjectiveEvent {
}
