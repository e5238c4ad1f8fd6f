package org.roadmapledger.query.objective.fold;

import org.roadmapledger.api.objective.MilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneAchievementRevoked;
import org.roadmapledger.api.objective.MilestoneEvent;
import org.roadmapledger.api.objective.MilestonePlanned;
import org.roadmapledger.api.objective.MilestoneRescheduled;
import org.roadmapledger.api.objective.ObjectiveAmended;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.api.objective.ObjectiveMoved;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.SponsorAssigned;
import org.roadmapledger.api.objective.StatusReported;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An objective's state on one effective date, as folded from its events ordered by (effective date, sequence).
 * Each attribute remembers the effective date that set it, so that a backdated event recorded later can be
 * folded into a state without replaying the events before it.
 *
 * <p>A status report without a percentage keeps the percentage reported before. Milestones are listed by due
 * date, then id: an order that depends only on the state, never on the order the events were recorded in.
 */
public record ObjectiveState(
        String objectiveId,
        String roadmapId,
        Stamped<Placement> placement,
        Stamped<Wording> wording,
        Stamped<String> sponsor,
        Stamped<ObjectiveStatus> status,
        Stamped<Integer> progressPercent,
        List<MilestoneState> milestones) {

    public record Placement(String axis, String priority) {
    }

    /** {@code titleProvisional}: the title is a placeholder until the official wording is known. */
    public record Wording(String title, String description, boolean titleProvisional) {
    }

    private static final Comparator<MilestoneState> SCHEDULE =
            Comparator.comparing(MilestoneState::dueOn).thenComparing(MilestoneState::milestoneId);

    public ObjectiveState {
        milestones = milestones.stream().sorted(SCHEDULE).toList();
    }

    /** The state on the definition's effective date. */
    public static ObjectiveState defined(ObjectiveDefined event) {
        return new ObjectiveState(event.objectiveId().value(), event.roadmapId().value(),
                new Stamped<>(new Placement(event.axis(), event.priority()), event.effectiveOn()),
                new Stamped<>(new Wording(event.title(), event.description(), event.titleProvisional()),
                        event.effectiveOn()),
                Stamped.unset(), new Stamped<>(ObjectiveStatus.NOT_STARTED, event.effectiveOn()), Stamped.unset(),
                List.of());
    }

    /** This state with an event folded in that takes effect on or before the state's date. */
    public ObjectiveState with(ObjectiveEvent event) {
        if (event instanceof ObjectiveAmended e) {
            return new ObjectiveState(objectiveId, roadmapId, placement,
                    wording.setBy(new Wording(e.title(), e.description(), e.titleProvisional()), e.effectiveOn()),
                    sponsor, status, progressPercent, milestones);
        }
        if (event instanceof ObjectiveMoved e) {
            return new ObjectiveState(objectiveId, roadmapId,
                    placement.setBy(new Placement(e.axis(), e.priority()), e.effectiveOn()), wording, sponsor,
                    status, progressPercent, milestones);
        }
        if (event instanceof SponsorAssigned e) {
            return new ObjectiveState(objectiveId, roadmapId, placement, wording,
                    sponsor.setBy(e.sponsor(), e.effectiveOn()), status, progressPercent, milestones);
        }
        if (event instanceof StatusReported e) {
            return new ObjectiveState(objectiveId, roadmapId, placement, wording, sponsor,
                    status.setBy(e.status(), e.effectiveOn()),
                    e.progressPercent() == null ? progressPercent
                            : progressPercent.setBy(e.progressPercent(), e.effectiveOn()),
                    milestones);
        }
        if (event instanceof MilestoneEvent e) {
            return new ObjectiveState(objectiveId, roadmapId, placement, wording, sponsor, status, progressPercent,
                    milestoneChange(e).apply(milestones));
        }
        if (event instanceof ObjectiveDefined) {
            return this; // a definition starts a state (defined); it changes none
        }
        // unreachable while every event type above is folded: a new one must be given its fold, not ignored
        throw new IllegalArgumentException("no fold for " + event.getClass().getName());
    }

    // A milestone's events are in effective-date order (the command side refuses others), so each applies on top.
    private static UnaryOperator<List<MilestoneState>> milestoneChange(MilestoneEvent event) {
        String id = event.milestoneId().value();
        if (event instanceof MilestonePlanned e) {
            return list -> {
                List<MilestoneState> planned = new ArrayList<>(list);
                planned.removeIf(m -> m.milestoneId().equals(id));
                planned.add(new MilestoneState(id, e.title(), e.dueOn(), null));
                return planned;
            };
        }
        if (event instanceof MilestoneRescheduled e) {
            return replace(id, m -> new MilestoneState(id, m.title(), e.dueOn(), m.achievedOn()));
        }
        if (event instanceof MilestoneAchieved e) {
            return replace(id, m -> new MilestoneState(id, m.title(), m.dueOn(), e.achievedOn()));
        }
        if (event instanceof MilestoneAchievementRevoked) {
            return replace(id, m -> new MilestoneState(id, m.title(), m.dueOn(), null));
        }
        throw new IllegalArgumentException("no fold for " + event.getClass().getName());
    }

    private static UnaryOperator<List<MilestoneState>> replace(String id, UnaryOperator<MilestoneState> change) {
        return list -> list.stream().map(m -> m.milestoneId().equals(id) ? change.apply(m) : m).toList();
    }
}
