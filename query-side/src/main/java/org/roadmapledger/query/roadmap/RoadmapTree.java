package org.roadmapledger.query.roadmap;

import org.roadmapledger.api.objective.ObjectiveStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The roadmap as the query API shows it: axes, priorities, objectives, each level with its rollup. */
public record RoadmapTree(String roadmapId, String title, Instant asOf, LocalDate validAt, Rollup rollup,
                          List<Axis> axes) {

    public record Axis(String code, String title, Rollup rollup, List<Priority> priorities) {
    }

    /** {@code titleProvisional}: the title is a placeholder until the official wording is known. */
    public record Priority(String code, String title, boolean titleProvisional, Rollup rollup,
                           List<ObjectiveSummary> objectives) {
    }

    public record ObjectiveSummary(String objectiveId, String title, boolean titleProvisional, String sponsor,
                                   ObjectiveStatus status, Integer progressPercent, Milestones milestones) {
    }

    /** Objectives per status (only the statuses present, in their natural order) and milestone counts. */
    public record Rollup(long objectives, Map<ObjectiveStatus, Long> byStatus, Milestones milestones) {
    }

    /** Milestones planned (all of them), achieved, and overdue at the view's effective date. */
    public record Milestones(long planned, long achieved, long overdue) {
    }
}
