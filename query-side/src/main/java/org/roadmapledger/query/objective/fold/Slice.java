package org.roadmapledger.query.objective.fold;

import java.time.LocalDate;

/**
 * The state of an objective over a range of effective dates, as known between two recordings:
 * {@code [validFrom, validTo)}, with {@code validTo} null while the range is open-ended.
 */
public record Slice(LocalDate validFrom, LocalDate validTo, ObjectiveState state) {

    public boolean endsOnOrBefore(LocalDate date) {
        return validTo != null && !validTo.isAfter(date);
    }
}
