package org.roadmapledger.command.objective;

import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.ObjectiveId;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * An objective as the roadmap import compares it with its file: the placement, title and sponsor in force on one
 * date, and each milestone's latest state. The attributes are null when the objective was not yet defined then.
 *
 * @param definedOn  the objective's definition date: commands may not take effect before it
 * @param milestones by milestone id
 */
public record ObjectiveImportView(
        ObjectiveId objectiveId,
        LocalDate definedOn,
        String axis,
        String priority,
        String title,
        boolean titleProvisional,
        String sponsor,
        Map<MilestoneId, MilestoneState> milestones) {

    /**
     * One milestone's latest state.
     *
     * @param lastEffectiveOn its last event's effective date: a reschedule may not take effect before it
     */
    public record MilestoneState(MilestoneId milestoneId, LocalDate dueOn, boolean achieved,
                                 LocalDate lastEffectiveOn) {
    }

    public ObjectiveImportView {
        milestones = Map.copyOf(milestones);
    }

    /** Whether the objective was defined on the date this view was taken for. */
    public boolean inForce() {
        return title != null;
    }

    static ObjectiveImportView of(ObjectiveId objectiveId, LocalDate definedOn, Objective.Placement placement,
                                  Objective.Wording wording, String sponsor, Collection<Milestone> milestones) {
        Map<MilestoneId, MilestoneState> states = new HashMap<>();
        for (Milestone milestone : milestones) {
            states.put(milestone.milestoneId(), new MilestoneState(milestone.milestoneId(), milestone.dueOn(),
                    milestone.achieved(), milestone.lastEffectiveOn()));
        }
        return new ObjectiveImportView(objectiveId, definedOn,
                placement == null ? null : placement.axis(),
                placement == null ? null : placement.priority(),
                wording == null ? null : wording.title(),
                wording != null && wording.titleProvisional(),
                sponsor, states);
    }
}
