package org.roadmapledger.command.proof;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.roadmapledger.platform.proof.MessageHashes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Chains every aggregate event as it is appended (DESIGN, "Proof"): its metadata gets {@code prevHash}, the hash of
 * the same aggregate's previous event, and {@code hash}, the SHA-256 of the canonical JSON of what it says. This
 * runs when the unit of work prepares its commit, inside its transaction: the event and its hash are stored
 * together or not at all. Two writers of one aggregate cannot both link to the same predecessor: the store's
 * unique (aggregate, sequence) refuses the second.
 */
public final class ChainingStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final Serializer eventSerializer;
    private final ChainHeads heads;

    ChainingStorageEngine(EventStorageEngine delegate, Serializer eventSerializer, ChainHeads heads) {
        this.delegate = delegate;
        this.eventSerializer = eventSerializer;
        this.heads = heads;
    }

    /** The engine that stores the chained events. */
    public EventStorageEngine delegate() {
        return delegate;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        Map<String, ChainHeads.Link> appended = new HashMap<>();
        for (EventMessage<?> message : events) {
            if (message instanceof DomainEventMessage<?> event) {
                ChainHeads.Link previous = appended.get(event.getAggregateIdentifier());
                String prevHash = previous != null && previous.sequence() == event.getSequenceNumber() - 1
                        ? previous.hash() : heads.hashBefore(event.getAggregateIdentifier(), event.getSequenceNumber());
                String hash = MessageHashes.chained(event, eventSerializer, prevHash).hash();
                chained.add(MessageHashes.withChain(event, prevHash, hash));
                appended.put(event.getAggregateIdentifier(), new ChainHeads.Link(event.getSequenceNumber(), hash));
            } else {
                chained.add(message);
            }
        }
        delegate.appendEvents(chained);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> heads.remember(appended));
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
