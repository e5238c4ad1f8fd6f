package org.roadmapledger.peer;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.roadmapledger.peer.ObjectiveMessages.DefineObjective;
import org.roadmapledger.peer.ObjectiveMessages.MarkMilestoneAchieved;
import org.roadmapledger.peer.ObjectiveMessages.MilestoneAchieved;
import org.roadmapledger.peer.ObjectiveMessages.MilestonePlanned;
import org.roadmapledger.peer.ObjectiveMessages.MilestoneRescheduled;
import org.roadmapledger.peer.ObjectiveMessages.ObjectiveDefined;
import org.roadmapledger.peer.ObjectiveMessages.PlanMilestone;
import org.roadmapledger.peer.ObjectiveMessages.RescheduleMilestone;
import org.roadmapledger.peer.ObjectiveMessages.ReportStatus;
import org.roadmapledger.peer.ObjectiveMessages.RuleBroken;
import org.roadmapledger.peer.ObjectiveMessages.StatusReported;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An objective, event-sourced by the framework's default repository (no snapshots, no cache). Its command handlers
 * answer the objective's version: the sequence number of the event they applied.
 */
@Aggregate
class PeerObjective {

    @AggregateIdentifier
    private String objectiveId;
    private long version = -1;
    /** Each milestone, and whether it is achieved. */
    private final Map<String, Boolean> milestones = new HashMap<>();

    PeerObjective() {
    }

    @CommandHandler
    PeerObjective(DefineObjective command) {
        apply(new ObjectiveDefined(command.objectiveId(), command.axis(), command.priority(), command.title()));
    }

    @CommandHandler
    long handle(ReportStatus command) {
        apply(new StatusReported(objectiveId, command.status(), command.progressPercent(), command.comment()));
        return version;
    }

    @CommandHandler
    long handle(PlanMilestone command) {
        if (milestones.containsKey(command.milestoneId())) {
            throw new RuleBroken("milestone " + command.milestoneId() + " is planned already");
        }
        apply(new MilestonePlanned(objectiveId, command.milestoneId(), command.title(), command.dueOn()));
        return version;
    }

    @CommandHandler
    long handle(RescheduleMilestone command) {
        open(command.milestoneId());
        apply(new MilestoneRescheduled(objectiveId, command.milestoneId(), command.dueOn(), command.reason()));
        return version;
    }

    @CommandHandler
    long handle(MarkMilestoneAchieved command) {
        open(command.milestoneId());
        apply(new MilestoneAchieved(objectiveId, command.milestoneId(), command.achievedOn(), command.evidence()));
        return version;
    }

    private void open(String milestoneId) {
        Boolean achieved = milestones.get(milestoneId);
        if (achieved == null) {
            throw new RuleBroken("no milestone " + milestoneId);
        }
        if (achieved) {
            throw new RuleBroken("milestone " + milestoneId + " is achieved already");
        }
    }

    @EventSourcingHandler
    void on(ObjectiveDefined event) {
        objectiveId = event.objectiveId();
        version++;
    }

    @EventSourcingHandler
    void on(StatusReported event) {
        version++;
    }

    @EventSourcingHandler
    void on(MilestonePlanned event) {
        milestones.put(event.milestoneId(), false);
        version++;
    }

    @EventSourcingHandler
    void on(MilestoneRescheduled event) {
        version++;
    }

    @EventSourcingHandler
    void on(MilestoneAchieved event) {
        milestones.put(event.milestoneId(), true);
        version++;
    }
}
