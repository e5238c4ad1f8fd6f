package org.roadmapledger.query.objective;

import org.roadmapledger.api.objective.MilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneAchievementRevoked;
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
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Random but lawful histories of one objective, as the command side would accept them: recorded in sequence
 * order, never effective in the future nor before the definition, each milestone's events in effective-date
 * order. Effective dates crowd a few weeks, so same-day events, backdated corrections and events effective
 * later but recorded earlier are all frequent.
 */
public final class RandomHistories {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    public static final RoadmapId ROADMAP = RoadmapId.of("fr-digital-health-2023-2027");
    private static final String[] SPONSORS = {"ANS", "DNS", "CNAM", "DGOS"};
    private static final String[][] PLACES = {{"1", "1.P1"}, {"1", "1.P2"}, {"2", "2.P1"}};

    private RandomHistories() {
    }

    private record Milestone(String id, LocalDate lastEffective, boolean achieved) {
    }

    public static List<RecordedEvent> generate(String objectiveId, long seed, int maxEvents) {
        Random random = new Random(seed);
        ObjectiveId id = ObjectiveId.of(objectiveId);
        LocalDate definedOn = LocalDate.of(2024, 3, 1).plusDays(random.nextInt(40));
        Instant recordedAt = definedOn.atTime(LocalTime.of(9, 0)).atZone(PARIS).toInstant()
                .plusSeconds(random.nextInt(36_000));
        List<RecordedEvent> events = new ArrayList<>();
        String[] place = PLACES[random.nextInt(PLACES.length)];
        events.add(new RecordedEvent(0, recordedAt, new ObjectiveDefined(id, ROADMAP, place[0], place[1],
                "Titre 0", null, definedOn)));
        Map<String, Milestone> milestones = new HashMap<>();
        int count = 1 + random.nextInt(maxEvents);
        for (int sequence = 1; sequence < count; sequence++) {
            recordedAt = nextRecording(random, recordedAt);
            LocalDate today = LocalDate.ofInstant(recordedAt, PARIS);
            events.add(new RecordedEvent(sequence, recordedAt,
                    nextEvent(random, id, sequence, definedOn, today, milestones)));
        }
        return events;
    }

    /** Every instant and date at which some view of the history may change, and their neighbours. */
    public static List<Instant> interestingInstants(List<RecordedEvent> history) {
        TreeSet<Instant> instants = new TreeSet<>();
        for (RecordedEvent e : history) {
            instants.add(e.recordedAt().minusMillis(1));
            instants.add(e.recordedAt());
            instants.add(e.recordedAt().plusMillis(1));
        }
        instants.add(history.get(history.size() - 1).recordedAt().plus(Duration.ofDays(400)));
        return List.copyOf(instants);
    }

    public static List<LocalDate> interestingDates(List<RecordedEvent> history) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (RecordedEvent e : history) {
            dates.add(e.event().effectiveOn().minusDays(1));
            dates.add(e.event().effectiveOn());
            if (e.event() instanceof MilestonePlanned p) {
                dates.add(p.dueOn());
                dates.add(p.dueOn().plusDays(1));
            }
        }
        dates.add(LocalDate.of(2026, 12, 31));
        return List.copyOf(dates);
    }

    private static Instant nextRecording(Random random, Instant previous) {
        return switch (random.nextInt(4)) {
            case 0 -> previous; // the same millisecond
            case 1 -> previous.plusMillis(1 + random.nextInt(1000));
            default -> previous.plusSeconds(random.nextInt(4 * 86_400));
        };
    }

    private static ObjectiveEvent nextEvent(Random random, ObjectiveId id, int sequence, LocalDate definedOn,
                                            LocalDate today, Map<String, Milestone> milestones) {
        LocalDate effectiveOn = between(random, definedOn, today);
        switch (random.nextInt(7)) {
            case 0:
                return new ObjectiveAmended(id, "Titre " + sequence, random.nextBoolean() ? null : "Desc " + sequence,
                        effectiveOn);
            case 1:
                String[] place = PLACES[random.nextInt(PLACES.length)];
                return new ObjectiveMoved(id, place[0], place[1], null, null, effectiveOn);
            case 2:
                return new SponsorAssigned(id, SPONSORS[random.nextInt(SPONSORS.length)], null, null, effectiveOn);
            case 3:
                ObjectiveStatus status = ObjectiveStatus.values()[random.nextInt(ObjectiveStatus.values().length)];
                Integer percent = random.nextInt(3) == 0 ? null : random.nextInt(101);
                return new StatusReported(id, status, percent, null, effectiveOn);
            default:
                return milestoneEvent(random, id, sequence, effectiveOn, today, milestones);
        }
    }

    private static ObjectiveEvent milestoneEvent(Random random, ObjectiveId id, int sequence, LocalDate effectiveOn,
                                                 LocalDate today, Map<String, Milestone> milestones) {
        if (milestones.isEmpty() || random.nextInt(3) == 0) {
            String milestoneId = "M" + sequence;
            milestones.put(milestoneId, new Milestone(milestoneId, effectiveOn, false));
            return new MilestonePlanned(id, MilestoneId.of(milestoneId), "Jalon " + sequence,
                    effectiveOn.plusDays(random.nextInt(60) - 10L), effectiveOn);
        }
        List<Milestone> all = new ArrayList<>(milestones.values());
        all.sort((a, b) -> a.id().compareTo(b.id()));
        Milestone m = all.get(random.nextInt(all.size()));
        LocalDate on = between(random, m.lastEffective(), today);
        MilestoneId milestoneId = MilestoneId.of(m.id());
        if (m.achieved()) {
            milestones.put(m.id(), new Milestone(m.id(), on, false));
            return new MilestoneAchievementRevoked(id, milestoneId, "revue", on);
        }
        if (random.nextBoolean()) {
            milestones.put(m.id(), new Milestone(m.id(), on, true));
            return new MilestoneAchieved(id, milestoneId, on, null, on);
        }
        milestones.put(m.id(), new Milestone(m.id(), on, false));
        return new MilestoneRescheduled(id, milestoneId, on.plusDays(random.nextInt(90) - 20L), null, "retard", on);
    }

    private static LocalDate between(Random random, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return days <= 0 ? from : from.plusDays(random.nextInt((int) days + 1));
    }
}
