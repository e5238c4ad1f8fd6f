package org.roadmapledger.query.objective;

import org.roadmapledger.query.objective.fold.MilestoneState;
import org.roadmapledger.api.objective.MilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneAchievementRevoked;
import org.roadmapledger.api.objective.MilestonePlanned;
import org.roadmapledger.api.objective.MilestoneRescheduled;
import org.roadmapledger.api.objective.ObjectiveAmended;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveMoved;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.SponsorAssigned;
import org.roadmapledger.api.objective.StatusReported;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DESIGN.md's definition, literally: fold every event with recordedAt ≤ asOf and effectiveOn ≤ validAt, ordered
 * by (effectiveOn, sequence number), the later one winning. Slow and obviously right; the views must agree.
 */
public final class ReferenceFold {

    /** What a view must show; milestones in the order the views list them (due date, then id). */
    public record Expected(String axis, String priority, String title, String description, String sponsor,
                           ObjectiveStatus status, Integer progressPercent, List<MilestoneState> milestones,
                           long version) {
    }

    private ReferenceFold() {
    }

    public static Optional<Expected> at(List<RecordedEvent> history, Instant asOf, LocalDate validAt) {
        List<RecordedEvent> known = history.stream().filter(e -> !e.recordedAt().isAfter(asOf)).toList();
        List<RecordedEvent> folded = known.stream()
                .filter(e -> !e.event().effectiveOn().isAfter(validAt))
                .sorted(Comparator.comparing((RecordedEvent e) -> e.event().effectiveOn())
                        .thenComparingLong(RecordedEvent::sequence))
                .toList();
        if (folded.isEmpty() || !(folded.get(0).event() instanceof ObjectiveDefined defined)) {
            return Optional.empty();
        }
        String axis = defined.axis();
        String priority = defined.priority();
        String title = defined.title();
        String description = defined.description();
        String sponsor = null;
        ObjectiveStatus status = ObjectiveStatus.NOT_STARTED;
        Integer percent = null;
        Map<String, MilestoneState> milestones = new LinkedHashMap<>();
        for (RecordedEvent recorded : folded.subList(1, folded.size())) {
            Object event = recorded.event();
            if (event instanceof ObjectiveAmended e) {
                title = e.title();
                description = e.description();
            } else if (event instanceof ObjectiveMoved e) {
                axis = e.axis();
                priority = e.priority();
            } else if (event instanceof SponsorAssigned e) {
                sponsor = e.sponsor();
            } else if (event instanceof StatusReported e) {
                status = e.status();
                percent = e.progressPercent() == null ? percent : e.progressPercent();
            } else if (event instanceof MilestonePlanned e) {
                milestones.put(e.milestoneId().value(),
                        new MilestoneState(e.milestoneId().value(), e.title(), e.dueOn(), null));
            } else if (event instanceof MilestoneRescheduled e) {
                milestones.computeIfPresent(e.milestoneId().value(),
                        (id, m) -> new MilestoneState(id, m.title(), e.dueOn(), m.achievedOn()));
            } else if (event instanceof MilestoneAchieved e) {
                milestones.computeIfPresent(e.milestoneId().value(),
                        (id, m) -> new MilestoneState(id, m.title(), m.dueOn(), e.achievedOn()));
            } else if (event instanceof MilestoneAchievementRevoked e) {
                milestones.computeIfPresent(e.milestoneId().value(),
                        (id, m) -> new MilestoneState(id, m.title(), m.dueOn(), null));
            } else {
                throw new IllegalStateException("not foldable after the definition: " + event);
            }
        }
        long version = known.stream().mapToLong(RecordedEvent::sequence).max().orElseThrow();
        List<MilestoneState> ordered = milestones.values().stream()
                .sorted(Comparator.comparing(MilestoneState::dueOn).thenComparing(MilestoneState::milestoneId))
                .toList();
        return Optional.of(new Expected(axis, priority, title, description, sponsor, status, percent, ordered,
                version));
    }
}
