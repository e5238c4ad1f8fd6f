package org.roadmapledger.command.objective;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Values of one attribute by effective date, in the order the ledger folds them: by effective date, and on the
 * same date the later recorded wins. The aggregate asks "what was in force on that date" so that a backdated
 * command is checked against the state it corrects, not against today's.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
final class Timeline<T> {

    record Entry<T>(LocalDate effectiveOn, T value) {
    }

    private final List<Entry<T>> entries = new ArrayList<>();

    /** Adds a value recorded now: it goes after every entry effective on or before its date. */
    void record(LocalDate effectiveOn, T value) {
        int at = entries.size();
        while (at > 0 && entries.get(at - 1).effectiveOn().isAfter(effectiveOn)) {
            at--;
        }
        entries.add(at, new Entry<>(effectiveOn, value));
    }

    /** The value in force on that date, or null when none was yet. */
    T valueOn(LocalDate date) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (!entries.get(i).effectiveOn().isAfter(date)) {
                return entries.get(i).value();
            }
        }
        return null;
    }
}
