package org.roadmapledger.query.objective;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Projects every objective event into the bitemporal versions. Idempotent by the objective's sequence number:
 * a redelivered event changes nothing, and an event that arrives after a gap (an event of the same objective
 * that the processor skipped, see AxonFramework#4829) first has the missing ones read from the event store.
 * Time comes only from the events.
 */
@Component
@ProcessingGroup(ObjectiveVersionProjection.PROCESSING_GROUP)
public class ObjectiveVersionProjection {

    public static final String PROCESSING_GROUP = "objective-versions";
    private static final Logger log = LoggerFactory.getLogger(ObjectiveVersionProjection.class);

    private final ObjectiveVersionStore store;
    private final EventStore eventStore;
    private final ProjectionProgress progress;
    private final Object[] locks = new Object[64];

    ObjectiveVersionProjection(ObjectiveVersionStore store, @Lazy EventStore eventStore, ProjectionProgress progress) {
        this.store = store;
        this.eventStore = eventStore;
        this.progress = progress;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    @EventHandler
    void on(ObjectiveEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        String objectiveId = event.objectiveId().value();
        synchronized (lockFor(objectiveId)) {
            long last = store.lastSequence(objectiveId);
            if (sequence <= last) {
                return;
            }
            if (sequence > last + 1) {
                fillGap(objectiveId, last + 1, sequence);
            }
            apply(objectiveId, event, sequence, recordedAt);
        }
    }

    /**
     * Brings the objective's views up to {@code lastInStore}, the event store's last sequence number for it, reading
     * the events they miss from the store; returns how many it applied. The reconciliation calls it for objectives
     * whose segment this instance processes: the lock keeps it from interleaving with the processor's own writes.
     */
    public long repair(String objectiveId, long lastInStore) {
        synchronized (lockFor(objectiveId)) {
            long last = store.lastSequence(objectiveId);
            if (last >= lastInStore) {
                return 0;
            }
            fillGap(objectiveId, last + 1, lastInStore + 1);
            return store.lastSequence(objectiveId) - last;
        }
    }

    /** Applies the objective's events from {@code from} up to, excluding, {@code until}, read from the store. */
    public void fillGap(String objectiveId, long from, long until) {
        log.warn("Objective {}: events {} to {} never reached the projection; reading them from the event store",
                objectiveId, from, until - 1);
        DomainEventStream stream = eventStore.readEvents(objectiveId, from);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() >= until) {
                break;
            }
            if (message.getPayload() instanceof ObjectiveEvent missing) {
                apply(objectiveId, missing, message.getSequenceNumber(), message.getTimestamp());
            }
        }
    }

    private void apply(String objectiveId, ObjectiveEvent event, long sequence, Instant recordedAt) {
        store.apply(objectiveId, event, sequence, recordedAt);
        progress.applied(objectiveId, sequence);
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }

    private Object lockFor(String objectiveId) {
        return locks[Math.floorMod(objectiveId.hashCode(), locks.length)];
    }
}
