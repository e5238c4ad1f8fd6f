package org.roadmapledger.api.objective;

import java.time.LocalDate;

/**
 * A fact recorded about one objective. {@code effectiveOn} is the business date the fact holds from; the time
 * it was recorded is the event message's own timestamp, set by the server.
 */
public sealed interface ObjectiveEvent
        permits ObjectiveDefined, ObjectiveAmended, ObjectiveMoved, SponsorAssigned, StatusReported, MilestoneEvent {

    ObjectiveId objectiveId();

    LocalDate effectiveOn();
}
