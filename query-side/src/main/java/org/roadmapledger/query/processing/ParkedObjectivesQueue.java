package org.roadmapledger.query.processing;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The projections' dead-letter queue in MongoDB, knowing, in memory, every objective (sequence) that may have parked events, so that the
 * check the processor makes before each event ({@code enqueueIfPresent}) asks MongoDB only for those. Without it,
 * once any objective was parked, Axon's cache of absent objectives (1,024 of them) sent most events' check to
 * MongoDB: one query per event.
 *
 * <p>The set may hold more than the queue (an objective whose letters a retry evicted stays in it until the queue
 * is cleared), never less: it is read from the queue before the first check, and again whenever Axon counts the
 * queue's sequences, which its invoker does when it starts on a segment it has just claimed, so objectives another
 * instance parked before handing the segment over are known; after that, only this instance parks that segment's
 * objectives.
 */
final class ParkedObjectivesQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final Set<String> parked = ConcurrentHashMap.newKeySet();
    private volatile boolean loaded;

    ParkedObjectivesQueue(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        this.queue = queue;
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier,
                                    Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder) {
        loadOnce();
        return parked.contains(String.valueOf(sequenceIdentifier)) && queue.enqueueIfPresent(sequenceIdentifier, letterBuilder);
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        loadOnce();
        return parked.contains(String.valueOf(sequenceIdentifier)) && queue.contains(sequenceIdentifier);
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        parked.add(String.valueOf(sequenceIdentifier));
        queue.enqueue(sequenceIdentifier, letter);
    }

    @Override
    public long amountOfSequences() {
        load();
        return queue.amountOfSequences();
    }

    private void loadOnce() {
        if (!loaded) {
            load();
        }
    }

    private void load() {
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                parked.add(((MongoDeadLetter<?>) letter).sequenceIdentifier());
                break;
            }
        }
        loaded = true;
    }

    @Override
    public void clear() {
        queue.clear();
        parked.clear();
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return queue.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return queue.sequenceSize(sequenceIdentifier);
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> task) {
        return queue.process(sequenceFilter, task);
    }
}
