package org.roadmapledger.api.objective;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What was this objective, as known at {@code asOf}, effective at {@code validAt}? Answered with an
 * {@link ObjectiveStatusView}, or null when the objective was not yet recorded then, or not yet in effect.
 *
 * <p>{@code asOf} null means now, and then the query may be a subscription query: every event applied to the
 * objective's views brings an update. {@code validAt} null means the date of {@code asOf} in Europe/Paris.
 */
public record FindObjectiveAsOf(ObjectiveId objectiveId, Instant asOf, LocalDate validAt) {

    public FindObjectiveAsOf {
        Objects.requireNonNull(objectiveId, "objective id is required");
    }

    /** The objective as known now, effective today: the one whose updates follow the ledger. */
    public static FindObjectiveAsOf current(ObjectiveId objectiveId) {
        return new FindObjectiveAsOf(objectiveId, null, null);
    }

    public boolean isCurrent() {
        return asOf == null;
    }
}
