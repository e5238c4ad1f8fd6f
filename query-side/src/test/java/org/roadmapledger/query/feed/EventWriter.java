package org.roadmapledger.query.feed;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveMoved;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.SponsorAssigned;
import org.roadmapledger.api.objective.StatusReported;
import org.roadmapledger.api.roadmap.RoadmapId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Appends objective events to the real event store as the command side would, recorded now (the store's gap
 * tracking only keeps gaps for recent events), and reads the store's own order back for comparison.
 */
public final class EventWriter {

    public static final RoadmapId ROADMAP = RoadmapId.of("fr-digital-health-2023-2027");
    private static final LocalDate DAY = LocalDate.parse("2024-01-15");

    private final EventStore eventStore;
    private final Map<String, Long> sequences;

    public EventWriter(EventStore eventStore) {
        this(eventStore, new ConcurrentHashMap<>());
    }

    private EventWriter(EventStore eventStore, Map<String, Long> sequences) {
        this.eventStore = eventStore;
        this.sequences = sequences;
    }

    /** The same objectives' next events, appended through another event store (after a restart). */
    public EventWriter on(EventStore other) {
        return new EventWriter(other, sequences);
    }

    public String define(String objectiveId, String axis) {
        return append(new ObjectiveDefined(ObjectiveId.of(objectiveId), ROADMAP, axis, axis + ".P1",
                "Objectif " + objectiveId, null, DAY));
    }

    public String report(String objectiveId, int percent) {
        return append(new StatusReported(ObjectiveId.of(objectiveId), ObjectiveStatus.ON_TRACK, percent,
                "point " + percent, DAY));
    }

    public String assign(String objectiveId, String sponsor) {
        return append(new SponsorAssigned(ObjectiveId.of(objectiveId), sponsor, null, "test", DAY));
    }

    public String move(String objectiveId, String fromAxis, String toAxis) {
        return append(new ObjectiveMoved(ObjectiveId.of(objectiveId), toAxis, toAxis + ".P1", fromAxis,
                fromAxis + ".P1", DAY));
    }

    /** Appends the objective's next event (one transaction); returns its event id. */
    public synchronized String append(ObjectiveEvent event) {
        GenericDomainEventMessage<ObjectiveEvent> message = next(event);
        eventStore.publish(message);
        return message.getIdentifier();
    }

    /** The objective's next event, not yet appended. */
    public synchronized GenericDomainEventMessage<ObjectiveEvent> next(ObjectiveEvent event) {
        String id = event.objectiveId().value();
        long sequence = sequences.merge(id, 0L, (last, zero) -> last + 1);
        return new GenericDomainEventMessage<>("Objective", id, sequence, event,
                MetaData.with("actor", "test"), UUID.randomUUID().toString(), Instant.now());
    }

    /** The ids of the first {@code count} events after {@code from}, in the order the store gives them now. */
    public static List<String> storeOrder(EventStore eventStore, Position from, int count) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(from.toToken())) {
            while (ids.size() < count) {
                if (!stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("the store has only " + ids.size() + " events after " + from);
                }
                ids.add(stream.nextAvailable().getIdentifier());
            }
        }
        return ids;
    }
}
