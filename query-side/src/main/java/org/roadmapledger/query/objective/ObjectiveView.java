package org.roadmapledger.query.objective;

import org.roadmapledger.api.objective.ObjectiveStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One objective as the query API shows it, for one viewpoint (DESIGN.md, "Objective view"). */
public record ObjectiveView(
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

    public record Milestone(String milestoneId, String title, LocalDate dueOn, LocalDate achievedOn,
                            boolean overdue) {
    }

    static ObjectiveView of(ObjectiveVersion version, long versionNumber, Instant asOf, LocalDate validAt) {
        List<Milestone> milestones = version.milestones() == null ? List.of() : version.milestones().stream()
                .map(m -> new Milestone(m.milestoneId(), m.title(), m.dueOn(), m.achievedOn(), m.overdueAt(validAt)))
                .toList();
        return new ObjectiveView(version.objectiveId(), version.axis(), version.priority(), version.title(),
                version.titleProvisional(), version.description(), version.sponsor(), version.status(), version.progressPercent(), milestones,
                versionNumber, asOf, validAt);
    }
}
