package org.roadmapledger.peer;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.roadmapledger.peer.ObjectiveMessages.FindObjective;
import org.roadmapledger.peer.ObjectiveMessages.MilestoneAchieved;
import org.roadmapledger.peer.ObjectiveMessages.MilestonePlanned;
import org.roadmapledger.peer.ObjectiveMessages.MilestoneRescheduled;
import org.roadmapledger.peer.ObjectiveMessages.ObjectiveDefined;
import org.roadmapledger.peer.ObjectiveMessages.StatusReported;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The view of each objective now, kept by the framework's default (tracking) event processor: each event reads its
 * objective's document, changes it and saves it, and tells the subscription queries on that objective.
 */
@Component
@ProcessingGroup("objective-view")
class ObjectiveProjection {

    private final ObjectiveViews views;
    private final QueryUpdateEmitter emitter;

    ObjectiveProjection(ObjectiveViews views, QueryUpdateEmitter emitter) {
        this.views = views;
        this.emitter = emitter;
    }

    @EventHandler
    void on(ObjectiveDefined event, @SequenceNumber long version) {
        save(new ObjectiveView(event.objectiveId(), event.axis(), event.priority(), event.title(), "NOT_STARTED",
                null, List.of(), version));
    }

    @EventHandler
    void on(StatusReported event, @SequenceNumber long version) {
        change(event.objectiveId(), view -> view.reported(event.status(), event.progressPercent(), version));
    }

    @EventHandler
    void on(MilestonePlanned event, @SequenceNumber long version) {
        change(event.objectiveId(), view -> view.planned(new ObjectiveView.Milestone(event.milestoneId(),
                event.title(), event.dueOn(), null), version));
    }

    @EventHandler
    void on(MilestoneRescheduled event, @SequenceNumber long version) {
        change(event.objectiveId(), view -> view.changed(event.milestoneId(), m -> new ObjectiveView.Milestone(
                m.milestoneId(), m.title(), event.dueOn(), m.achievedOn()), version));
    }

    @EventHandler
    void on(MilestoneAchieved event, @SequenceNumber long version) {
        change(event.objectiveId(), view -> view.changed(event.milestoneId(), m -> new ObjectiveView.Milestone(
                m.milestoneId(), m.title(), m.dueOn(), event.achievedOn()), version));
    }

    @QueryHandler
    ObjectiveView handle(FindObjective query) {
        return views.findById(query.objectiveId()).orElse(null);
    }

    private void change(String objectiveId, UnaryOperator<ObjectiveView> change) {
        views.findById(objectiveId).map(change).ifPresent(this::save);
    }

    private void save(ObjectiveView view) {
        views.save(view);
        emitter.emit(FindObjective.class, query -> query.objectiveId().equals(view.objectiveId()), view);
    }
}
