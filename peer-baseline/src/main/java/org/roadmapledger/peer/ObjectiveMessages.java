package org.roadmapledger.peer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The commands, events and query of the peer, as a team following the framework's guides writes them. */
final class ObjectiveMessages {

    private ObjectiveMessages() {
    }

    record DefineObjective(@TargetAggregateIdentifier String objectiveId, String axis, String priority,
                           String title) {
    }

    record ReportStatus(@TargetAggregateIdentifier String objectiveId, String status, Integer progressPercent,
                        String comment) {
    }

    record PlanMilestone(@TargetAggregateIdentifier String objectiveId, String milestoneId, String title,
                         LocalDate dueOn) {
    }

    record RescheduleMilestone(@TargetAggregateIdentifier String objectiveId, String milestoneId, LocalDate dueOn,
                               String reason) {
    }

    record MarkMilestoneAchieved(@TargetAggregateIdentifier String objectiveId, String milestoneId,
                                 LocalDate achievedOn, String evidence) {
    }

    record ObjectiveDefined(String objectiveId, String axis, String priority, String title) {
    }

    record StatusReported(String objectiveId, String status, Integer progressPercent, String comment) {
    }

    record MilestonePlanned(String objectiveId, String milestoneId, String title, LocalDate dueOn) {
    }

    record MilestoneRescheduled(String objectiveId, String milestoneId, LocalDate dueOn, String reason) {
    }

    record MilestoneAchieved(String objectiveId, String milestoneId, LocalDate achievedOn, String evidence) {
    }

    record FindObjective(String objectiveId) {
    }

    /** A command that breaks a rule of the objective: answered 409. */
    static final class RuleBroken extends RuntimeException {

        RuleBroken(String message) {
            super(message);
        }
    }
}
