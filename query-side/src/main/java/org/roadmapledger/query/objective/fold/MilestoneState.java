package org.roadmapledger.query.objective.fold;

import java.time.LocalDate;

/** A milestone as a view shows it; {@code achievedOn} is null while it is not achieved. */
public record MilestoneState(String milestoneId, String title, LocalDate dueOn, LocalDate achievedOn) {

    /** Overdue in a view effective at {@code validAt}: due before that date and not achieved in it. */
    public boolean overdueAt(LocalDate validAt) {
        return achievedOn == null && dueOn.isBefore(validAt);
    }
}
