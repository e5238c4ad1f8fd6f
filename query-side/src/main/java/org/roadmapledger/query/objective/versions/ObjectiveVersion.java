package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.objective.fold.ObjectiveState;
import org.roadmapledger.query.objective.fold.Slice;
import org.roadmapledger.query.objective.fold.Stamped;
import org.roadmapledger.query.objective.fold.MilestoneState;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.ObjectiveStatusView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One rectangle of an objective's bitemporal history: its state for effective dates
 * {@code [validFrom, validTo)} as known from {@code recordedFrom} until {@code recordedTo}, also kept as the
 * sequence numbers of the events that opened and closed it. Assembled from a slice's version entry
 * ({@link SliceVersions}) and the state it points to; never stored as such. Dates are ISO strings, open ends
 * {@link #OPEN_DATE} and {@link #OPEN_INSTANT}.
 */
public record ObjectiveVersion(
        String id,
        String objectiveId,
        String roadmapId,
        long knownFromSequence,
        long knownUntilSequence,
        Instant recordedFrom,
        Instant recordedTo,
        String validFrom,
        String validTo,
        String axis,
        String priority,
        String title,
        String description,
        boolean titleProvisional,
        String sponsor,
        ObjectiveStatus status,
        Integer progressPercent,
        List<MilestoneState> milestones,
        Since since) {

    public static final String OPEN_DATE = "9999-12-31";
    public static final Instant OPEN_INSTANT = Instant.parse("9999-12-31T23:59:59Z");
    public static final long OPEN_SEQUENCE = Long.MAX_VALUE;

    /** The effective dates that set each attribute, needed to fold a later backdated event. */
    public record Since(String placement, String wording, String sponsor, String status, String progressPercent) {
    }

    /** A rectangle just opened by the event with that sequence number. */
    static ObjectiveVersion of(Slice slice, long sequence, Instant recordedAt) {
        return of(SliceVersions.stateId(slice.state().objectiveId(), slice.validFrom(), sequence), slice.state(),
                new SliceVersions.Entry(sequence, OPEN_SEQUENCE, recordedAt, OPEN_INSTANT, slice.validTo()),
                slice.validFrom());
    }

    static ObjectiveVersion of(String id, ObjectiveState s, SliceVersions.Entry entry, LocalDate validFrom) {
        return new ObjectiveVersion(id, s.objectiveId(), s.roadmapId(), entry.knownFrom(), entry.knownUntil(),
                entry.recordedFrom(), entry.recordedTo(), validFrom.toString(),
                entry.validTo() == null ? OPEN_DATE : entry.validTo().toString(),
                s.placement().value().axis(), s.placement().value().priority(),
                s.wording().value().title(), s.wording().value().description(),
                s.wording().value().titleProvisional(), s.sponsor().value(),
                s.status().value(), s.progressPercent().value(), s.milestones(),
                new Since(text(s.placement().since()), text(s.wording().since()), text(s.sponsor().since()),
                        text(s.status().since()), text(s.progressPercent().since())));
    }

    /** This version as the query API shows it, for the viewpoint it was found at (DESIGN.md, "Objective view"). */
    public ObjectiveStatusView view(long versionNumber, Instant asOf, LocalDate validAt) {
        List<ObjectiveStatusView.Milestone> shown = milestones == null ? List.of() : milestones.stream()
                .map(m -> new ObjectiveStatusView.Milestone(m.milestoneId(), m.title(), m.dueOn(), m.achievedOn(),
                        m.overdueAt(validAt)))
                .toList();
        return new ObjectiveStatusView(objectiveId, axis, priority, title, titleProvisional, description, sponsor,
                status, progressPercent, shown, versionNumber, asOf, validAt);
    }

    Slice toSlice() {
        ObjectiveState state = new ObjectiveState(objectiveId, roadmapId,
                new Stamped<>(new ObjectiveState.Placement(axis, priority), date(since.placement())),
                new Stamped<>(new ObjectiveState.Wording(title, description, titleProvisional),
                        date(since.wording())),
                new Stamped<>(sponsor, date(since.sponsor())),
                new Stamped<>(status, date(since.status())),
                new Stamped<>(progressPercent, date(since.progressPercent())),
                milestones == null ? List.of() : milestones);
        return new Slice(LocalDate.parse(validFrom), OPEN_DATE.equals(validTo) ? null : LocalDate.parse(validTo),
                state);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
