package org.roadmapledger.api.objective;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to {@link FindObjectiveAsOf}: one objective at one viewpoint, as the query API's objective view
 * (DESIGN.md, "Objective view"). {@code version} is the objective's sequence number as known at {@code asOf}.
 */
public record ObjectiveStatusView(
        String objectiveId,
        String axis,
        String priority,
        String title,
        boolean titleProvisional,
        String description,
        String sponsor,
        ObjectiveStatus status,
        Integer progressPercent,
        List<Milestone> milestones,
        long version,
        Instant asOf,
        LocalDate validAt) {

    public ObjectiveStatusView {
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
    }

    /** A milestone in that view; overdue when due before {@code validAt} and not achieved in it. */
    public record Milestone(String milestoneId, String title, LocalDate dueOn, LocalDate achievedOn,
                            boolean overdue) {
    }
}
