package org.roadmapledger.query.time;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Where a reader stands on the two time axes: {@code asOf} on recorded time (what the ledger knew then) and
 * {@code validAt} on effective time (which business date the state is for).
 */
public record Viewpoint(Instant asOf, LocalDate validAt) {

    public static final ZoneId LEDGER_ZONE = ZoneId.of("Europe/Paris");

    // The views keep dates as ISO strings of four-digit years, and 9999-12-31 marks an open end: beyond these
    // bounds a comparison would be wrong, and an instant may not even fit the milliseconds MongoDB stores.
    static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 30);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final String RANGE = "between " + FIRST_DAY + " and " + LAST_DAY;

    /**
     * Reads the query parameters. {@code asOf} is an ISO-8601 instant or a date, which means the end of that day
     * in Europe/Paris; it defaults to now. {@code validAt} is a date and defaults to the date of {@code asOf} in
     * Europe/Paris.
     *
     * @throws InvalidViewpoint naming the parameter that cannot be read
     */
    public static Viewpoint of(String asOf, String validAt, Clock clock) {
        // taken as written: a value padded with spaces or control characters is a client's error, not a date
        Instant knownAt = asOf == null || asOf.isEmpty() ? clock.instant().truncatedTo(ChronoUnit.MILLIS)
                : parseAsOf(asOf);
        if (knownAt.isBefore(FIRST_DAY.atStartOfDay(LEDGER_ZONE).toInstant()) || knownAt.isAfter(endOfDay(LAST_DAY))) {
            throw new InvalidViewpoint("asOf", "must be " + RANGE);
        }
        LocalDate effectiveAt = validAt == null || validAt.isEmpty() ? LocalDate.ofInstant(knownAt, LEDGER_ZONE)
                : parseDate("validAt", validAt);
        if (effectiveAt.isBefore(FIRST_DAY) || effectiveAt.isAfter(LAST_DAY)) {
            throw new InvalidViewpoint("validAt", "must be " + RANGE);
        }
        return new Viewpoint(knownAt, effectiveAt);
    }

    /** The last instant of a day in Europe/Paris, DST included: the moment before the next day starts. */
    public static Instant endOfDay(LocalDate day) {
        return day.plusDays(1).atStartOfDay(LEDGER_ZONE).toInstant().minusMillis(1);
    }

    private static Instant parseAsOf(String text) {
        if (text.length() == 10) {
            return endOfDay(parseDate("asOf", text));
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidViewpoint("asOf",
                    "must be an ISO-8601 instant such as 2025-06-30T12:00:00Z or a date such as 2025-06-30");
        }
    }

    private static LocalDate parseDate(String parameter, String text) {
        if (!DATE.matcher(text).matches()) {
            throw new InvalidViewpoint(parameter, "must be a date YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw new InvalidViewpoint(parameter, "must be a date YYYY-MM-DD");
        }
    }
}
