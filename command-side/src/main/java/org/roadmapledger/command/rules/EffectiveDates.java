package org.roadmapledger.command.rules;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Resolves and checks effective dates: a business date in Europe/Paris, defaulting to today, never later. */
public final class EffectiveDates {

    public static final ZoneId LEDGER_ZONE = ZoneId.of("Europe/Paris");

    private EffectiveDates() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(LEDGER_ZONE));
    }

    /** The requested date, or today when none was requested; refused when it lies in the future. */
    public static LocalDate resolve(LocalDate requested, String field, Clock clock) {
        LocalDate today = today(clock);
        if (requested == null) {
            return today;
        }
        if (requested.isAfter(today)) {
            throw new RuleViolation(Rule.EFFECTIVE_DATE_IN_FUTURE, field,
                    field + " " + requested + " is in the future: it must not be after " + today
                            + " (today in Europe/Paris)");
        }
        return requested;
    }

    /** Refuses a date that precedes {@code notBefore}, naming that date and what it is. */
    public static void requireNotBefore(LocalDate date, LocalDate notBefore, String field, String what) {
        if (date.isBefore(notBefore)) {
            throw new RuleViolation(Rule.EFFECTIVE_DATE_OUT_OF_ORDER, field,
                    field + " " + date + " must not precede " + notBefore + ", " + what);
        }
    }
}
