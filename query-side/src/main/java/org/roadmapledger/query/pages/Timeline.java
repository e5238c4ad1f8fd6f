package org.roadmapledger.query.pages;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An objective's life as a page draws it: what happened, on which effective date, recorded on which date. An entry
 * recorded later than it took effect is a backdated correction: the page draws both dates.
 *
 * @param from    the first date drawn
 * @param to      the last date drawn
 * @param entries this page's, the newest first page
 * @param page    from 0, the newest entries
 * @param total   entries on every page
 */
public record Timeline(LocalDate from, LocalDate to, List<Entry> entries, int page, int pages, long total) {

    static final Timeline EMPTY = new Timeline(LocalDate.EPOCH, LocalDate.EPOCH, List.of(), 0, 0, 0);

    /** Entries a page draws and lists: an objective may have thousands (measured: 7,700 made a 6.5 MB page). */
    static final int PAGE_SIZE = 50;

    /** The drawing's width in SVG units, margins included. */
    static final int WIDTH = 960;
    private static final int MARGIN = 40;

    /**
     * @param kind       the event's name (MilestonePlanned, StatusReported…)
     * @param lane       0 milestones, 1 status, 2 sponsor and the rest
     * @param detail     what it said: the milestone and its date, the status, the sponsor
     */
    public record Entry(long sequence, String kind, int lane, LocalDate effectiveOn, LocalDate recordedOn,
                        String detail) {

        public boolean backdated() {
            return recordedOn.isAfter(effectiveOn);
        }

        public int y() {
            return 50 + lane * 45;
        }
    }

    /** The horizontal position of a date. */
    public int x(LocalDate date) {
        long span = Math.max(1, ChronoUnit.DAYS.between(from, to));
        long offset = ChronoUnit.DAYS.between(from, date);
        return MARGIN + (int) (offset * (WIDTH - 2 * MARGIN) / span);
    }

    public int width() {
        return WIDTH;
    }

    /** The years the axis marks. */
    public List<LocalDate> years() {
        return from.getYear() > to.getYear() ? List.of() : java.util.stream.IntStream
                .rangeClosed(from.getYear() + 1, to.getYear()).mapToObj(year -> LocalDate.of(year, 1, 1)).toList();
    }
}
