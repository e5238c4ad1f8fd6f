package org.roadmapledger.query.deadletter;

import org.roadmapledger.query.processing.ProcessingGroups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.roadmapledger.query.processing.ViewProcessors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events the projections could not apply, parked per processing group and objective, and their retry. Each
 * group's number of parked events is the gauge {@code ledger.dead-letters{group=…}}.
 */
@Component
public class DeadLetters {

    /** At most this many objectives are listed per group; the counts always cover all of them. */
    static final int LISTED_SEQUENCES = 100;
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final EventProcessingConfiguration processing;

    DeadLetters(EventProcessingConfiguration processing, MeterRegistry meters) {
        this.processing = processing;
        for (String group : ProcessingGroups.VIEWS) {
            Gauge.builder("ledger.dead-letters", () -> size(group))
                    .description("Events parked in the dead-letter queue of a projection")
                    .tag("group", group)
                    .register(meters);
        }
    }

    record Letter(String eventId, String type, Long sequence, Instant recordedAt, Instant enqueuedAt,
                  Instant lastTouched, String causeType, String causeMessage) {
    }

    record Sequence(String objectiveId, List<Letter> letters) {
    }

    record Group(String group, long objectives, long letters, List<Sequence> parked) {
    }

    record Retried(String group, long objectivesBefore, int objectivesApplied, long objectivesStillParked,
                   long lettersStillParked) {
    }

    /** The parked events of every view's processing group. */
    public List<Group> list() {
        List<Group> groups = new ArrayList<>();
        for (String group : ProcessingGroups.VIEWS) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
            List<Sequence> parked = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                if (parked.size() == LISTED_SEQUENCES) {
                    break;
                }
                List<Letter> letters = new ArrayList<>();
                String objectiveId = null;
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    EventMessage<?> message = letter.message();
                    Long number = null;
                    if (message instanceof DomainEventMessage<?> domain) {
                        objectiveId = domain.getAggregateIdentifier();
                        number = domain.getSequenceNumber();
                    }
                    letters.add(new Letter(message.getIdentifier(), message.getPayloadType().getSimpleName(), number,
                            message.getTimestamp(), letter.enqueuedAt(), letter.lastTouched(),
                            letter.cause().map(Cause::type).orElse(null),
                            letter.cause().map(Cause::message).orElse(null)));
                }
                parked.add(new Sequence(objectiveId, letters));
            }
            groups.add(new Group(group, queue.amountOfSequences(), queue.size(), parked));
        }
        return groups;
    }

    /**
     * Processes every parked objective again, oldest first, through the group's handlers. An objective whose
     * events apply leaves the queue; one that fails again stays parked, moved to the back, and the others are
     * still tried.
     */
    public List<Retried> retryAll() {
        List<Retried> results = new ArrayList<>();
        for (String group : ProcessingGroups.VIEWS) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
            SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                    .orElseThrow(() -> new IllegalStateException("no dead-letter processor for " + group));
            long before = queue.amountOfSequences();
            int applied = 0;
            for (long attempt = 0; attempt < before; attempt++) {
                if (processor.processAny()) {
                    applied++;
                }
            }
            Retried retried = new Retried(group, before, applied, queue.amountOfSequences(), queue.size());
            if (before > 0) {
                log.info("Dead letters of [{}]: {} of {} objectives applied on retry, {} still parked", group,
                        applied, before, retried.objectivesStillParked());
            }
            results.add(retried);
        }
        return results;
    }

    /** Whether the group holds parked events of the objective. */
    public boolean parked(String group, String objectiveId) {
        return queue(group).contains(objectiveId);
    }

    /**
     * Processes the objective's parked events of that group again. Empty when they applied and left the queue;
     * otherwise why they are still parked: the failure of the first one, as its handler reported it.
     */
    public Optional<String> retry(String group, String objectiveId) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new IllegalStateException("no dead-letter processor for " + group));
        processor.process(letter -> letter.message() instanceof DomainEventMessage<?> domain
                && objectiveId.equals(domain.getAggregateIdentifier()));
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        if (!queue.contains(objectiveId)) {
            return Optional.empty();
        }
        for (DeadLetter<? extends EventMessage<?>> letter : queue.deadLetterSequence(objectiveId)) {
            return Optional.of(letter.cause().map(cause -> cause.type() + ": " + cause.message())
                    .orElse("parked without a recorded cause"));
        }
        return Optional.of("parked");
    }

    /** The number of parked events per group, every group listed. */
    public Map<String, Long> sizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        ProcessingGroups.VIEWS.forEach(group -> sizes.put(group, size(group)));
        return sizes;
    }

    private long size(String group) {
        return queue(group).size();
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group).orElseThrow(
                () -> new IllegalStateException("no dead-letter queue for " + group));
    }
}
