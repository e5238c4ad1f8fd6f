package org.roadmapledger.query;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.roadmapledger.api.objective.MilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.MilestonePlanned;
import org.roadmapledger.api.objective.MilestoneRescheduled;
import org.roadmapledger.api.objective.ObjectiveAmended;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveMoved;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.SponsorAssigned;
import org.roadmapledger.api.objective.StatusReported;
import org.roadmapledger.api.roadmap.RoadmapId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded objective histories as the command side would record them: a definition, then status reports (some
 * backdated corrections), sponsor changes, amendments, moves and milestones planned, rescheduled and achieved in
 * effective-date order, one event an hour of recorded time.
 */
public final class ObjectiveHistories {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String[] SPONSORS = {"ANS", "CNAM", "DNS", "DGOS"};
    private static final ObjectiveStatus[] STATUSES = {ObjectiveStatus.ON_TRACK, ObjectiveStatus.AT_RISK,
            ObjectiveStatus.LATE, ObjectiveStatus.ON_TRACK};

    private ObjectiveHistories() {
    }

    /** The objective's events, its definition recorded at {@code start}. */
    public static List<EventMessage<?>> of(String objectiveId, int events, Instant start, Random random) {
        ObjectiveId id = ObjectiveId.of(objectiveId);
        LocalDate definedOn = LocalDate.ofInstant(start, PARIS);
        List<EventMessage<?>> history = new ArrayList<>(events);
        history.add(message(objectiveId, 0, new ObjectiveDefined(id, RoadmapId.of("fr-digital-health-2023-2027"),
                "1", "1.P1", "Objectif " + objectiveId, null, definedOn), start));
        String sponsor = null;
        String priority = "1.P1";
        int milestones = 0;
        int stage = -1;
        LocalDate dueOn = null;
        for (int sequence = 1; sequence < events; sequence++) {
            Instant at = start.plus(Duration.ofHours(sequence));
            LocalDate on = LocalDate.ofInstant(at, PARIS);
            LocalDate corrected = on.minusDays(random.nextInt(30));
            LocalDate backdated = corrected.isBefore(definedOn) ? definedOn : corrected;
            int kind = random.nextInt(100);
            ObjectiveEvent event;
            if (kind < 8) {
                String next = SPONSORS[random.nextInt(SPONSORS.length)];
                event = new SponsorAssigned(id, next, sponsor, "arbitrage", backdated);
                sponsor = next;
            } else if (kind < 20) {
                MilestoneId milestone = MilestoneId.of("M" + milestones);
                if (stage < 0 || stage == 2) {
                    milestone = MilestoneId.of("M" + ++milestones);
                    dueOn = on.plusDays(30 + random.nextInt(300));
                    event = new MilestonePlanned(id, milestone, "Jalon " + milestones, dueOn, on);
                    stage = 0;
                } else if (stage == 0) {
                    LocalDate previous = dueOn;
                    dueOn = dueOn.plusDays(1 + random.nextInt(90));
                    event = new MilestoneRescheduled(id, milestone, dueOn, previous, "replanification", on);
                    stage = 1;
                } else {
                    event = new MilestoneAchieved(id, milestone, on, "PV de recette", on);
                    stage = 2;
                }
            } else if (kind < 24) {
                event = new ObjectiveAmended(id, "Objectif " + objectiveId + " v" + sequence, "révision " + sequence,
                        on);
            } else if (kind < 26) {
                String next = priority.equals("1.P1") ? "1.P2" : "1.P1";
                event = new ObjectiveMoved(id, "1", next, "1", priority, on);
                priority = next;
            } else {
                event = new StatusReported(id, STATUSES[random.nextInt(STATUSES.length)], random.nextInt(101),
                        kind % 3 == 0 ? "point d'étape" : null, kind % 5 == 0 ? backdated : on);
            }
            history.add(message(objectiveId, sequence, event, at));
        }
        return history;
    }

    private static EventMessage<?> message(String objectiveId, long sequence, ObjectiveEvent event, Instant at) {
        return new GenericDomainEventMessage<>("Objective", objectiveId, sequence, event,
                MetaData.with("actor", "test:generator").and("correlationId", "gen-" + objectiveId + "-" + sequence),
                UUID.randomUUID().toString(), at);
    }
}
