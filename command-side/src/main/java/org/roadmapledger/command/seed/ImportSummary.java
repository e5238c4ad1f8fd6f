package org.roadmapledger.command.seed;

import java.time.LocalDate;
import java.util.List;

/**
 * What one import recorded: how many commands of each kind it issued, each of which appended one event, and what
 * it left as it was, with the reason.
 *
 * @param effectiveOn    the effective date of every command the import issued
 * @param eventsAppended the total of the counts: zero when the ledger already matched the file
 */
public record ImportSummary(
        String roadmapId,
        LocalDate effectiveOn,
        int structurePublished,
        int objectivesDefined,
        int amended,
        int moved,
        int sponsorsAssigned,
        int milestonesPlanned,
        int milestonesRescheduled,
        List<Skipped> skipped,
        int eventsAppended) {

    public ImportSummary {
        skipped = List.copyOf(skipped);
    }

    /** @param subject what was left as it was, e.g. {@code objective 1.01 milestone M1} or {@code structure} */
    public record Skipped(String subject, String reason) {
    }
}
