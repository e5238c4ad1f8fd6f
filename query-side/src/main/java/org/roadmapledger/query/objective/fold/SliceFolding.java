package org.roadmapledger.query.objective.fold;

import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds one newly recorded event into an objective's slices as known just before it. Slices that end on or
 * before the event's effective date stay as they are; the one it falls into is split at that date; every later
 * one gets the event folded in. The result names the slices the event supersedes and those it creates, so the
 * projection closes the first on the recorded-time axis and opens the second.
 */
public final class SliceFolding {

    private SliceFolding() {
    }

    public record Change(List<Slice> superseded, List<Slice> created) {
    }

    public static Change fold(List<Slice> current, ObjectiveEvent event) {
        LocalDate on = event.effectiveOn();
        if (event instanceof ObjectiveDefined defined) {
            return new Change(List.copyOf(current), List.of(new Slice(on, null, ObjectiveState.defined(defined))));
        }
        List<Slice> superseded = new ArrayList<>();
        List<Slice> created = new ArrayList<>();
        for (Slice slice : current) {
            if (slice.endsOnOrBefore(on)) {
                continue;
            }
            superseded.add(slice);
            if (slice.validFrom().isBefore(on)) {
                created.add(new Slice(slice.validFrom(), on, slice.state()));
                created.add(new Slice(on, slice.validTo(), slice.state().with(event)));
            } else {
                created.add(new Slice(slice.validFrom(), slice.validTo(), slice.state().with(event)));
            }
        }
        return new Change(superseded, created);
    }
}
