package org.roadmapledger.benchmarks;

import org.roadmapledger.api.objective.MilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.MilestonePlanned;
import org.roadmapledger.api.objective.MilestoneRescheduled;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.SponsorAssigned;
import org.roadmapledger.api.objective.StatusReported;
import org.roadmapledger.api.roadmap.RoadmapId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/**
 * The events of one objective's life, as the command side would record them: one after the other in recording
 * time, each obeying the aggregate's rules (effective dates never in the future nor before the definition,
 * a milestone's events in effective-date order, a sponsor different from the one in force). Mostly status
 * reports, with sponsor changes, milestones planned, rescheduled and achieved, and a few backdated corrections.
 * Recording instants and effective dates run on separate clocks: the events are recorded one after the other in
 * {@code [from, until)} while their effective dates advance from the definition's date to {@code effectiveUntil},
 * so a ledger loaded in minutes still spans the roadmap's life on the effective-date axis. Seeded: the same seed
 * gives the same history.
 */
final class HistoryGenerator {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String[] SPONSORS = {"ANS", "CNAM", "DNS"};
    private static final ObjectiveStatus[] STATUSES =
            {ObjectiveStatus.ON_TRACK, ObjectiveStatus.ON_TRACK, ObjectiveStatus.AT_RISK, ObjectiveStatus.LATE};

    record Next(long sequence, Instant recordedAt, ObjectiveEvent event) {
    }

    private final ObjectiveId objectiveId;
    private final Random random;
    private final Instant from;
    private final Duration step;
    private final int count;
    private final LocalDate definedOn;
    private final long effectiveDays;
    private long sequence;
    private int produced;
    private String sponsor;
    private int milestones;
    private MilestoneId openMilestone;
    private LocalDate openDueOn;
    private int openStage;
    private final String axis;
    private final String priority;
    private final String roadmapId;

    /**
     * @param firstSequence  the sequence number of the first event to produce (0 defines the objective)
     * @param definedOn      the objective's definition date: no event takes effect before it
     * @param effectiveUntil the effective date of the last event, never after the day {@code until} falls on
     * @param count          how many events to produce
     */
    HistoryGenerator(String objectiveId, String roadmapId, String axis, String priority, long firstSequence,
                     LocalDate definedOn, LocalDate effectiveUntil, Instant from, Instant until, int count,
                     long seed) {
        this.objectiveId = ObjectiveId.of(objectiveId);
        this.roadmapId = roadmapId;
        this.axis = axis;
        this.priority = priority;
        this.sequence = firstSequence;
        this.definedOn = definedOn;
        this.effectiveDays = Math.max(0, definedOn.until(effectiveUntil, ChronoUnit.DAYS));
        this.from = from;
        this.count = count;
        this.step = Duration.between(from, until).dividedBy(Math.max(1, count));
        this.random = new Random(seed);
    }

    boolean hasNext() {
        return produced < count;
    }

    Instant nextAt() {
        return from.plus(step.multipliedBy(produced));
    }

    Next next() {
        Instant at = nextAt();
        LocalDate on = definedOn.plusDays(effectiveDays * produced / Math.max(1, count));
        ObjectiveEvent event = sequence == 0 ? define(on) : eventOn(on);
        produced++;
        return new Next(sequence++, at, event);
    }

    private ObjectiveEvent define(LocalDate on) {
        return new ObjectiveDefined(objectiveId, RoadmapId.of(roadmapId), axis, priority,
                "Objectif de charge " + objectiveId, null, on);
    }

    private ObjectiveEvent eventOn(LocalDate on) {
        int kind = random.nextInt(100);
        if (kind < 4) {
            String previous = sponsor;
            sponsor = SPONSORS[(indexOf(sponsor) + 1 + random.nextInt(2)) % SPONSORS.length];
            return new SponsorAssigned(objectiveId, sponsor, previous, "rotation", on);
        }
        if (kind < 10) {
            return milestoneEvent(on);
        }
        LocalDate effective = on;
        if (kind < 12) {
            LocalDate corrected = on.minusDays(30);
            effective = corrected.isBefore(definedOn) ? definedOn : corrected; // a backdated correction
        }
        return new StatusReported(objectiveId, STATUSES[random.nextInt(STATUSES.length)], random.nextInt(101),
                null, effective);
    }

    private ObjectiveEvent milestoneEvent(LocalDate on) {
        if (openMilestone == null) {
            openMilestone = MilestoneId.of("L" + (++milestones));
            openDueOn = on.plusDays(30 + random.nextInt(200));
            openStage = 0;
            return new MilestonePlanned(objectiveId, openMilestone, "Jalon de charge " + milestones, openDueOn, on);
        }
        if (openStage == 0) {
            openStage = 1;
            LocalDate previous = openDueOn;
            openDueOn = openDueOn.plusDays(1 + random.nextInt(60));
            return new MilestoneRescheduled(objectiveId, openMilestone, openDueOn, previous, "replanification", on);
        }
        MilestoneId achieved = openMilestone;
        openMilestone = null;
        return new MilestoneAchieved(objectiveId, achieved, on, "livré", on);
    }

    private static int indexOf(String sponsor) {
        for (int i = 0; i < SPONSORS.length; i++) {
            if (SPONSORS[i].equals(sponsor)) {
                return i;
            }
        }
        return -1;
    }
}
