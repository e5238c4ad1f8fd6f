package org.roadmapledger.peer;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** An objective as it stands now, one document, and the version of the last event it shows. */
@Document("objectives")
record ObjectiveView(@Id String objectiveId, String axis, String priority, String title, String status,
                     Integer progressPercent, List<Milestone> milestones, long version) {

    record Milestone(String milestoneId, String title, LocalDate dueOn, LocalDate achievedOn) {
    }

    ObjectiveView reported(String newStatus, Integer newProgress, long newVersion) {
        return new ObjectiveView(objectiveId, axis, priority, title, newStatus, newProgress, milestones, newVersion);
    }

    ObjectiveView planned(Milestone milestone, long newVersion) {
        List<Milestone> changed = new ArrayList<>(milestones);
        changed.add(milestone);
        return new ObjectiveView(objectiveId, axis, priority, title, status, progressPercent, changed, newVersion);
    }

    ObjectiveView changed(String milestoneId, UnaryOperator<Milestone> change, long newVersion) {
        List<Milestone> changed = milestones.stream()
                .map(m -> m.milestoneId().equals(milestoneId) ? change.apply(m) : m).toList();
        return new ObjectiveView(objectiveId, axis, priority, title, status, progressPercent, changed, newVersion);
    }
}
