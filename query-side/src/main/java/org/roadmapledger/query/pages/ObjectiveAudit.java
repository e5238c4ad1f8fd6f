package org.roadmapledger.query.pages;

import org.roadmapledger.query.history.ObjectiveHistories;
import org.roadmapledger.query.proof.ObjectiveVerification;

import java.util.List;

/**
 * What an auditor (or the programme office) sees of an objective beyond its timeline: its audit history, a page of
 * it the newest first, and its chain checked with the seals that hold it.
 *
 * @param verification null where the proof is off (events not in PostgreSQL)
 * @param sealedIn     the labels of the seals that hold it, the newest first
 */
public record ObjectiveAudit(List<Row> rows, int page, int pages, long total, ObjectiveVerification verification,
                             List<SealedIn> sealedIn) {

    static final int PAGE_SIZE = 50;

    /** One recorded event as the history table shows it. */
    public record Row(long sequence, String kind, String recordedAt, String effectiveOn, String actor, String roles,
                      String reason, String correlationId) {

        static Row of(ObjectiveHistories.Item item, java.time.ZoneId zone) {
            String kind = item.type().substring(item.type().lastIndexOf('.') + 1);
            String roles = item.actorIdentity() == null ? null : String.join(", ", item.actorIdentity().roles());
            Object reason = item.payload() instanceof java.util.Map<?, ?> payload ? payload.get("reason") : null;
            return new Row(item.sequence(), kind, java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
                    item.recordedAt().atZone(zone).toLocalDateTime().withNano(0)), item.effectiveOn(), item.actor(),
                    roles, reason == null ? null : reason.toString(), item.correlationId());
        }
    }

    /** A seal holding the objective, sealed on that day (Europe/Paris): where to read the roadmap as it stood then. */
    public record SealedIn(String sealId, String label, java.time.LocalDate sealedOn) {
    }
}
