package org.roadmapledger.query.objective.fold;

import java.time.LocalDate;

/**
 * A value with the effective date of the event that set it. A newly recorded event sets the value in a state
 * effective at a later date only when its own effective date is on or after {@code since}: an event that takes
 * effect later, recorded earlier, still wins there.
 */
public record Stamped<T>(T value, LocalDate since) {

    static <T> Stamped<T> unset() {
        return new Stamped<>(null, null);
    }

    public Stamped<T> setBy(T newValue, LocalDate effectiveOn) {
        return since == null || !effectiveOn.isBefore(since) ? new Stamped<>(newValue, effectiveOn) : this;
    }
}
