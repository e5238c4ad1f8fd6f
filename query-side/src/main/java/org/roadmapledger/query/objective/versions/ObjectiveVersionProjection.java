package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.processing.ProcessingGroups;
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
import java.time.temporal.ChronoUnit;

/**
 * Projects every objective event into the bitemporal views. Idempotent by the objective's sequence number:
 * a redelivered event changes nothing, and an event that arrives after a gap (an event of the same objective
 * that the processor skipped, see AxonFramework#4829) first has the missing ones read from the event store.
 * Time comes only from the events, at the millisecond precision MongoDB keeps.
 */
@Component
@ProcessingGroup(ProcessingGroups.OBJECTIVE_VERSIONS)
public class ObjectiveVersionProjection {

    private static final Logger log = LoggerFactory.getLogger(ObjectiveVersionProjection.class);

    private final ObjectiveVersionStore store;
    private final EventStore eventStore;
    private final ViewBatches batches;
    private final Object[] locks = new Object[64];

    ObjectiveVersionProjection(ObjectiveVersionStore store, @Lazy EventStore eventStore, ViewBatches batches) {
        this.store = store;
        this.eventStore = eventStore;
        this.batches = batches;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    @EventHandler
    void on(ObjectiveEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        synchronized (lockFor(event.objectiveId().value())) {
            handle(event, sequence, recordedAt);
        }
    }

    /**
     * Brings the objective's views up to {@code lastInStore}, the event store's last sequence number for it, reading
     * the events they miss from the store; returns how many it applied. The reconciliation calls it for objectives
     * whose segment this instance processes: the lock keeps it from interleaving with the processor's handling of
     * an event, whose writes wait for the end of its batch (a batch written after a repair writes the same
     * documents, or an earlier position that the processor's next events move on again).
     */
    public long repair(String objectiveId, long lastInStore) {
        synchronized (lockFor(objectiveId)) {
            long last = store.lastSequence(objectiveId);
            if (last >= lastInStore) {
                return 0;
            }
            ViewBatch batch = batches.detached();
            fillGap(batch, objectiveId, last + 1, lastInStore + 1);
            batches.flush(batch);
            return store.lastSequence(objectiveId) - last;
        }
    }

    private void handle(ObjectiveEvent event, long sequence, Instant recordedAt) {
        ViewBatch batch = batches.current();
        boolean detached = batch == null;
        if (detached) {
            batch = batches.detached();
        }
        String objectiveId = event.objectiveId().value();
        long last = batch.lastSequence(objectiveId);
        if (sequence <= last) {
            return;
        }
        if (sequence > last + 1) {
            fillGap(batch, objectiveId, last + 1, sequence);
        }
        batch.apply(objectiveId, sequence, recordedAt.truncatedTo(ChronoUnit.MILLIS), event);
        if (detached) {
            batches.flush(batch);
        }
    }

    /** Applies the objective's events from {@code from} up to, excluding, {@code until}, read from the store. */
    public void fillGap(String objectiveId, long from, long until) {
        ViewBatch batch = batches.current();
        if (batch != null) {
            fillGap(batch, objectiveId, from, until);
            return;
        }
        batch = batches.detached();
        fillGap(batch, objectiveId, from, until);
        batches.flush(batch);
    }

    private void fillGap(ViewBatch batch, String objectiveId, long from, long until) {
        log.warn("Objective {}: events {} to {} never reached the projection; reading them from the event store",
                objectiveId, from, until - 1);
        DomainEventStream stream = eventStore.readEvents(objectiveId, from);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() >= until) {
                break;
            }
            if (message.getPayload() instanceof ObjectiveEvent missing
                    && message.getSequenceNumber() > batch.lastSequence(objectiveId)) {
                batch.apply(objectiveId, message.getSequenceNumber(),
                        message.getTimestamp().truncatedTo(ChronoUnit.MILLIS), missing);
            }
        }
    }

    @ResetHandler
    void reset() {
        store.deleteAll();
    }

    private Object lockFor(String objectiveId) {
        return locks[Math.floorMod(objectiveId.hashCode(), locks.length)];
    }
}
