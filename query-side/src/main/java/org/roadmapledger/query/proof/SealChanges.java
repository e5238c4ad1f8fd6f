package org.roadmapledger.query.proof;

import org.roadmapledger.api.proof.LedgerSealed;
import org.roadmapledger.platform.proof.SealRows;
import org.roadmapledger.proof.Seal;
import org.roadmapledger.proof.SealHead;
import org.roadmapledger.proof.StoredEvent;
import org.roadmapledger.query.time.Viewpoint;
import org.roadmapledger.query.web.InvalidParameter;
import org.roadmapledger.query.web.NotFound;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two seals (DESIGN, "Proof"): per aggregate, the events after its head in the earlier seal
 * up to its head in the later one. A change recorded after the earlier seal but effective before it rewrote what
 * the earlier council was shown: it is marked {@code retroactive}.
 */
public final class SealChanges {

    public record Change(long sequence, String eventId, String type, String recordedAt, String effectiveOn, String actor,
                  String correlationId, boolean retroactive) {

        /** The day it was recorded, in the ledger's time zone, as the pages show it (not part of the API's JSON). */
        public LocalDate recordedOn() {
            return Instant.parse(recordedAt).atZone(Viewpoint.LEDGER_ZONE).toLocalDate();
        }
    }

    public record AggregateChanges(String aggregateType, String aggregateId, List<Change> changes) {
    }

    public record Answer(String sealId, String since, String sinceSealedAt, int aggregates, long changes,
                  long retroactive, List<AggregateChanges> items) {
    }

    /** The most changes a window of dates answers with. */
    public static final int MAX_CHANGES_BETWEEN_DATES = 10_000;

    private SealChanges() {
    }

    /**
     * The changes of seal {@code sealId} since seal {@code since}, or since the seal before it when {@code since}
     * is null.
     *
     * @throws NotFound         when there is no seal {@code sealId}
     * @throws InvalidParameter when {@code since} names no seal, or one taken after it
     */
    public static Answer of(SealRows seals, ProofReads reads, String sealId, String since) {
        Seal later = seals.statement(sealId).map(seals::withHeads)
                .orElseThrow(() -> new NotFound("no seal " + sealId));
        String earlierId = since != null && !since.isBlank() ? since : later.statement().previousSealId();
        Seal earlier = null;
        if (earlierId != null) {
            earlier = seals.statement(earlierId).map(seals::withHeads)
                    .orElseThrow(() -> new InvalidParameter("since", "no seal " + earlierId));
            if (earlier.statement().number() >= later.statement().number()) {
                throw new InvalidParameter("since", "must name a seal taken before " + sealId);
            }
        }
        return between(earlier, later, reads);
    }

    static Answer between(Seal earlier, Seal later, ProofReads reads) {
        Map<String, Long> from = new HashMap<>();
        if (earlier != null) {
            earlier.heads().forEach(head -> from.put(head.aggregateId(), head.sequence()));
        }
        LocalDate sealedOn = earlier == null ? null
                : Instant.parse(earlier.statement().sealedAt()).atZone(Viewpoint.LEDGER_ZONE).toLocalDate();
        Map<String, AggregateChanges> items = new LinkedHashMap<>();
        long[] counts = {0, 0};
        for (SealHead head : later.heads()) {
            long after = from.getOrDefault(head.aggregateId(), -1L);
            if (head.sequence() <= after || LedgerSealed.SEALS.equals(head.aggregateId())) {
                continue;
            }
            List<Change> changes = new ArrayList<>();
            reads.aggregate(head.aggregateId(), head.sequence(), stored -> {
                if (stored.event().sequence() > after) {
                    Change change = change(stored, sealedOn);
                    changes.add(change);
                    counts[0]++;
                    counts[1] += change.retroactive() ? 1 : 0;
                }
            });
            items.put(head.aggregateId(), new AggregateChanges(head.aggregateType(), head.aggregateId(), changes));
        }
        return new Answer(later.statement().sealId(), earlier == null ? null : earlier.statement().sealId(),
                earlier == null ? null : earlier.statement().sealedAt(), items.size(), counts[0], counts[1],
                List.copyOf(items.values()));
    }

    /**
     * The changes recorded from the start of day {@code from} to the end of day {@code to} (Europe/Paris): what was
     * recorded after a council held on {@code from}; those effective before that day are {@code retroactive}.
     */
    public static Answer recordedBetween(ProofReads reads, LocalDate from, LocalDate to) {
        // one page of HTML holds them all: a window of years on a busy ledger would be the whole event table
        Map<String, AggregateChanges> items = new LinkedHashMap<>();
        long[] counts = {0, 0};
        reads.recorded(from.atStartOfDay(Viewpoint.LEDGER_ZONE).toInstant(),
                to.plusDays(1).atStartOfDay(Viewpoint.LEDGER_ZONE).toInstant(), stored -> {
                    if (LedgerSealed.SEALS.equals(stored.event().aggregateId())) {
                        return;
                    }
                    if (counts[0] == MAX_CHANGES_BETWEEN_DATES) {
                        throw new InvalidParameter("from", "more than " + MAX_CHANGES_BETWEEN_DATES
                                + " changes were recorded from " + from + " to " + to + ": narrow the dates");
                    }
                    Change change = change(stored, from);
                    items.computeIfAbsent(stored.event().aggregateId(), id -> new AggregateChanges(
                            stored.event().aggregateType(), id,
                            new ArrayList<>())).changes().add(change);
                    counts[0]++;
                    counts[1] += change.retroactive() ? 1 : 0;
                });
        return new Answer(null, null, null, items.size(), counts[0], counts[1], List.copyOf(items.values()));
    }

    private static Change change(StoredEvent stored, LocalDate sealedOn) {
        var event = stored.event();
        boolean retroactive = sealedOn != null && event.effectiveOn() != null
                && LocalDate.parse(event.effectiveOn()).isBefore(sealedOn);
        String type = event.type().substring(event.type().lastIndexOf('.') + 1);
        return new Change(event.sequence(), event.eventId(), type, event.recordedAt(), event.effectiveOn(),
                event.actor(), event.correlationId(), retroactive);
    }
}
