package org.roadmapledger.command.objective;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.roadmapledger.api.objective.MilestoneId;

import java.time.LocalDate;

/**
 * What the Objective needs to know of one milestone to decide. A milestone's events are kept in effective-date
 * order, so its state in recording order is also its state by effective date.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class Milestone {

    private MilestoneId milestoneId;
    private LocalDate dueOn;
    private boolean achieved;
    private LocalDate lastEffectiveOn;

    Milestone() {
        // for snapshots
    }

    Milestone(MilestoneId milestoneId, LocalDate dueOn, LocalDate plannedOn) {
        this.milestoneId = milestoneId;
        this.dueOn = dueOn;
        this.lastEffectiveOn = plannedOn;
    }

    MilestoneId milestoneId() {
        return milestoneId;
    }

    LocalDate dueOn() {
        return dueOn;
    }

    boolean achieved() {
        return achieved;
    }

    LocalDate lastEffectiveOn() {
        return lastEffectiveOn;
    }

    void rescheduled(LocalDate newDueOn, LocalDate effectiveOn) {
        this.dueOn = newDueOn;
        this.lastEffectiveOn = effectiveOn;
    }

    void achieved(LocalDate achievedOn) {
        this.achieved = true;
        this.lastEffectiveOn = achievedOn;
    }

    void revoked(LocalDate effectiveOn) {
        this.achieved = false;
        this.lastEffectiveOn = effectiveOn;
    }
}
