package org.roadmapledger.command.objective;

import org.roadmapledger.api.objective.ObjectiveStatus;

import java.time.LocalDate;

/** The request bodies of the objective command API, as DESIGN.md defines them; constraints live on commands. */
final class ObjectiveRequests {

    private ObjectiveRequests() {
    }

    record Define(String objectiveId, String axis, String priority, String title, String description,
                  LocalDate effectiveOn) {
    }

    record Amend(String title, String description, LocalDate effectiveOn) {
    }

    record Placement(String axis, String priority, LocalDate effectiveOn) {
    }

    record Sponsor(String sponsor, String reason, LocalDate effectiveOn) {
    }

    record PlanMilestone(String milestoneId, String title, LocalDate dueOn, LocalDate effectiveOn) {
    }

    record Reschedule(LocalDate dueOn, String reason, LocalDate effectiveOn) {
    }

    record Achievement(LocalDate achievedOn, String evidence) {
    }

    record Revocation(String reason, LocalDate effectiveOn) {
    }

    record StatusReport(ObjectiveStatus status, Integer progressPercent, String comment, LocalDate effectiveOn) {
    }
}
