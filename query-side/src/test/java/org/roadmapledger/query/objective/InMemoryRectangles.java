package org.roadmapledger.query.objective;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rectangles of one objective kept in a list, written and read with the same predicates as
 * {@link ObjectiveVersionStore}'s MongoDB queries: the folding and the stored form, without a database.
 */
final class InMemoryRectangles {

    private final List<ObjectiveVersion> rectangles = new ArrayList<>();

    void apply(RecordedEvent recorded) {
        long sequence = recorded.sequence();
        String effectiveOn = recorded.event().effectiveOn().toString();
        List<Slice> before = rectangles.stream()
                .filter(v -> v.knownFromSequence() < sequence && v.knownUntilSequence() >= sequence)
                .filter(v -> v.validTo().compareTo(effectiveOn) > 0)
                .sorted(Comparator.comparing(ObjectiveVersion::validFrom))
                .map(ObjectiveVersion::toSlice)
                .toList();
        SliceFolding.Change change = SliceFolding.fold(before, recorded.event());
        for (Slice superseded : change.superseded()) {
            for (int i = 0; i < rectangles.size(); i++) {
                ObjectiveVersion v = rectangles.get(i);
                if (v.validFrom().equals(superseded.validFrom().toString()) && v.knownFromSequence() < sequence
                        && v.knownUntilSequence() >= sequence) {
                    rectangles.set(i, closed(v, sequence, recorded.recordedAt()));
                }
            }
        }
        for (Slice created : change.created()) {
            rectangles.add(ObjectiveVersion.of(created, sequence, recorded.recordedAt()));
        }
    }

    /** Every rectangle that holds the point; the bitemporal plane is tiled, so never more than one. */
    List<ObjectiveVersion> at(Instant asOf, LocalDate validAt) {
        String date = validAt.toString();
        return rectangles.stream()
                .filter(v -> !v.recordedFrom().isAfter(asOf) && v.recordedTo().isAfter(asOf))
                .filter(v -> v.validFrom().compareTo(date) <= 0 && v.validTo().compareTo(date) > 0)
                .toList();
    }

    Optional<Long> versionAt(Instant asOf) {
        return rectangles.stream().filter(v -> !v.recordedFrom().isAfter(asOf))
                .map(ObjectiveVersion::knownFromSequence).max(Long::compare);
    }

    int size() {
        return rectangles.size();
    }

    private static ObjectiveVersion closed(ObjectiveVersion v, long sequence, Instant recordedAt) {
        return new ObjectiveVersion(v.id(), v.objectiveId(), v.roadmapId(), v.knownFromSequence(), sequence,
                v.recordedFrom(), recordedAt, v.validFrom(), v.validTo(), v.axis(), v.priority(), v.title(),
                v.description(), v.sponsor(), v.status(), v.progressPercent(), v.milestones(), v.since());
    }
}
