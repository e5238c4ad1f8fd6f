package org.roadmapledger.query.feed;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveMoved;
import org.roadmapledger.query.cloudevents.LedgerEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The axis each objective was under at each of its events, for the {@code axis} filter: most events do not carry
 * it. Learnt from the objective's own events in the event store (definitions and moves), once per objective and
 * then only for the events recorded since; in memory, one small map per objective.
 */
@Component
public class Placements {

    private final EventStore eventStore;
    private final Map<String, Track> tracks = new ConcurrentHashMap<>();

    Placements(@Lazy EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The axis the objective was under once its event with that sequence number was recorded; null if unknown. */
    public String axisAt(String objectiveId, long sequence) {
        return tracks.computeIfAbsent(objectiveId, id -> new Track()).axisAt(objectiveId, sequence);
    }

    /** Learns from an event read anyway, so that following an objective live never reads the store again. */
    void observe(LedgerEvent event) {
        if (!"objective".equals(event.aggregate())) {
            return;
        }
        Track track = tracks.get(event.subject());
        if (track != null) {
            track.observe(event.subjectVersion(), event.payload());
        }
    }

    private final class Track {
        private final TreeMap<Long, String> axisFrom = new TreeMap<>();
        private long knownUpTo = -1;

        synchronized String axisAt(String objectiveId, long sequence) {
            if (sequence > knownUpTo) {
                learn(objectiveId, sequence);
            }
            Map.Entry<Long, String> entry = axisFrom.floorEntry(sequence);
            return entry == null ? null : entry.getValue();
        }

        synchronized void observe(long sequence, Object payload) {
            if (sequence == knownUpTo + 1) {
                record(sequence, payload);
            }
        }

        private void record(long sequence, Object payload) {
            if (payload instanceof ObjectiveDefined defined) {
                axisFrom.put(sequence, defined.axis());
            } else if (payload instanceof ObjectiveMoved moved) {
                axisFrom.put(sequence, moved.axis());
            }
            knownUpTo = sequence;
        }

        private void learn(String objectiveId, long upTo) {
            DomainEventStream stream = eventStore.readEvents(objectiveId, knownUpTo + 1);
            while (stream.hasNext()) {
                DomainEventMessage<?> message = stream.next();
                if (message.getSequenceNumber() > upTo) {
                    break;
                }
                Class<?> type = message.getPayloadType();
                // only definitions and moves place an objective: the others need not be deserialized
                boolean places = type == ObjectiveDefined.class || type == ObjectiveMoved.class;
                record(message.getSequenceNumber(), places ? message.getPayload() : null);
            }
        }
    }
}
