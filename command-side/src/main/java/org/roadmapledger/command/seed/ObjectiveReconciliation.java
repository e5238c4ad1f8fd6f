package org.roadmapledger.command.seed;

import org.roadmapledger.api.objective.AmendObjective;
import org.roadmapledger.api.objective.AssignSponsor;
import org.roadmapledger.api.objective.DefineObjective;
import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.MoveObjective;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.PlanMilestone;
import org.roadmapledger.api.objective.RescheduleMilestone;
import org.roadmapledger.command.objective.ObjectiveImportView;
import org.roadmapledger.command.objective.ObjectiveImportView.MilestoneState;
import org.roadmapledger.command.seed.ImportRun.Change;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Brings one objective of the ledger in line with its entry in the file, issuing a command only for what differs:
 * that is what makes a repeated import record nothing.
 */
final class ObjectiveReconciliation {

    static final String SPONSOR_REASON = "sponsor named in the roadmap file";
    static final String RESCHEDULE_REASON = "due date changed in the roadmap file";

    private final ImportRun run;

    ObjectiveReconciliation(ImportRun run) {
        this.run = run;
    }

    /** @param current the objective in the ledger as in force on the import's effective date, null if absent */
    void reconcile(String axis, String priority, RoadmapFile.Objective entry, ObjectiveImportView current) {
        ObjectiveId id = ObjectiveId.of(entry.code());
        LocalDate on = run.effectiveOn();
        if (current == null) {
            run.issue(Change.OBJECTIVE_DEFINED,
                    new DefineObjective(id, axis, priority, entry.title().fr(), null, on, null,
                            entry.titleProvisional()));
        } else if (!current.inForce()) {
            run.skip(subject(id), "objective " + id + " was defined on " + current.definedOn()
                    + ", after the import's effective date " + on + ": it is left as it is");
            return;
        } else {
            if (!entry.title().fr().equals(current.title())
                    || entry.titleProvisional() != current.titleProvisional()) {
                run.tryIssue(Change.AMENDED, new AmendObjective(id, entry.title().fr(), null, on, null,
                        entry.titleProvisional()), subject(id));
            }
            if (!axis.equals(current.axis()) || !priority.equals(current.priority())) {
                run.tryIssue(Change.MOVED, new MoveObjective(id, axis, priority, on, null), subject(id));
            }
        }
        String sponsor = entry.sponsorOrNull();
        if (sponsor != null && (current == null || !sponsor.equals(current.sponsor()))) {
            run.tryIssue(Change.SPONSOR_ASSIGNED, new AssignSponsor(id, sponsor, SPONSOR_REASON, on, null),
                    subject(id));
        }
        for (RoadmapFile.Milestone milestone : entry.milestonesOrNone()) {
            MilestoneId milestoneId = MilestoneId.of(milestone.milestoneId());
            reconcile(id, milestone, current == null ? null : current.milestones().get(milestoneId));
        }
    }

    private void reconcile(ObjectiveId id, RoadmapFile.Milestone entry, MilestoneState current) {
        MilestoneId milestoneId = MilestoneId.of(entry.milestoneId());
        String subject = subject(id) + " milestone " + milestoneId;
        if (current == null) {
            run.tryIssue(Change.MILESTONE_PLANNED, new PlanMilestone(id, milestoneId, entry.title().fr(),
                    entry.dueOn(), run.effectiveOn(), null), subject);
        } else if (!Objects.equals(entry.dueOn(), current.dueOn())) {
            if (current.achieved()) {
                run.skip(subject, "milestone " + milestoneId + " is achieved: its due date stays "
                        + current.dueOn() + " although the file says " + entry.dueOn());
            } else {
                run.tryIssue(Change.MILESTONE_RESCHEDULED, new RescheduleMilestone(id, milestoneId, entry.dueOn(),
                        RESCHEDULE_REASON, run.effectiveOn(), null), subject);
            }
        }
    }

    private static String subject(ObjectiveId id) {
        return "objective " + id;
    }
}
