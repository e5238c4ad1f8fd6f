package org.roadmapledger.query.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.roadmapledger.platform.proof.SealRows;
import org.roadmapledger.proof.ChainedEvent;
import org.roadmapledger.query.proof.ProofReads;
import org.roadmapledger.query.proof.SealChanges;
import org.roadmapledger.query.time.Viewpoint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pages read from the event store: an objective's events for its timeline, as known at the page's
 * viewpoint, and the changes between two seals. Present where the events are in PostgreSQL (the proof's reads).
 */
class TimelineReads {

    private final ProofReads reads;
    private final SealRows seals;

    TimelineReads(ProofReads reads, SealRows seals) {
        this.reads = reads;
        this.seals = seals;
    }

    Timeline timeline(String objectiveId, Viewpoint at, int page) {
        long total = reads.countRecorded(objectiveId, at.asOf());
        if (total == 0) {
            return Timeline.EMPTY;
        }
        int pages = (int) ((total + Timeline.PAGE_SIZE - 1) / Timeline.PAGE_SIZE);
        int shown = Math.max(0, Math.min(page, pages - 1));
        List<Timeline.Entry> entries = new ArrayList<>(Timeline.PAGE_SIZE);
        reads.recordedPage(objectiveId, at.asOf(), (long) shown * Timeline.PAGE_SIZE, Timeline.PAGE_SIZE, stored -> {
            ChainedEvent event = stored.event();
            if (event.effectiveOn() != null) {
                entries.add(0, entry(event, Instant.parse(event.recordedAt())));
            }
        });
        if (entries.isEmpty()) {
            return Timeline.EMPTY;
        }
        LocalDate from = entries.stream().map(Timeline.Entry::effectiveOn).min(LocalDate::compareTo).orElseThrow();
        LocalDate to = entries.stream().map(Timeline.Entry::recordedOn).max(LocalDate::compareTo).orElseThrow();
        for (Timeline.Entry entry : entries) {
            if (entry.kind().startsWith("Milestone") && entry.detail().contains("→")) {
                LocalDate due = LocalDate.parse(entry.detail().substring(entry.detail().lastIndexOf(' ') + 1));
                to = due.isAfter(to) ? due : to;
            }
        }
        to = at.validAt().isAfter(to) ? at.validAt() : to;
        return new Timeline(from.minusDays(15), to.plusDays(15), List.copyOf(entries), shown, pages, total);
    }

    SealChanges.Answer changes(String sealId, String sinceId) {
        return SealChanges.of(seals, reads, sealId, sinceId);
    }

    SealChanges.Answer changesRecorded(LocalDate from, LocalDate to) {
        return SealChanges.recordedBetween(reads, from, to);
    }

    private static Timeline.Entry entry(ChainedEvent event, Instant recorded) {
        String kind = event.type().substring(event.type().lastIndexOf('.') + 1);
        JsonNode p = event.payload();
        String milestone = p.path("milestoneId").asText("");
        String detail;
        int lane;
        switch (kind) {
            case "MilestonePlanned", "MilestoneRescheduled" -> {
                detail = milestone + " → " + p.path("dueOn").asText();
                lane = 0;
            }
            case "MilestoneAchieved" -> {
                detail = milestone + " ✓ " + p.path("achievedOn").asText();
                lane = 0;
            }
            case "MilestoneAchievementRevoked" -> {
                detail = milestone + " ✗";
                lane = 0;
            }
            case "StatusReported" -> {
                detail = p.path("status").asText() + (p.hasNonNull("progressPercent")
                        ? " " + p.path("progressPercent").asInt() + " %" : "");
                lane = 1;
            }
            case "SponsorAssigned" -> {
                detail = p.path("sponsor").asText();
                lane = 2;
            }
            case "ObjectiveMoved" -> {
                detail = p.path("axis").asText() + " · " + p.path("priority").asText();
                lane = 2;
            }
            default -> {
                detail = p.path("title").asText("");
                lane = 2;
            }
        }
        return new Timeline.Entry(event.sequence(), kind, lane, LocalDate.parse(event.effectiveOn()),
                recorded.atZone(Viewpoint.LEDGER_ZONE).toLocalDate(), detail);
    }
}
