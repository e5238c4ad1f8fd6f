package org.roadmapledger.query.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code ledger.processor.lag{processing_group}}: how many positions of the event stream each streaming processor
 * still has to handle, its slowest segment against the head of the store. Axon's own meters (axon-micrometer) give
 * the rest: {@code eventProcessor.latency}, the ingested/success/failure counters (throughput) and capacity.
 */
@Component
class ProcessorLagMetrics {

    static final String METER = "ledger.processor.lag";

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final MeterRegistry registry;

    ProcessorLagMetrics(@Lazy EventProcessingConfiguration processing, @Lazy EventStore eventStore,
                        MeterRegistry registry) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.registry = registry;
    }

    /** Once Axon has started, every processor is known, including those other packages register. */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder(METER, streaming, this::lag)
                        .tag("processing_group", name)
                        .description("events between the head of the event store and the processor's slowest segment")
                        .baseUnit("events")
                        .register(registry);
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong headPosition = head == null ? OptionalLong.of(-1) : head.position();
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (headPosition.isEmpty() || segments.isEmpty()) {
            return Double.NaN;
        }
        long slowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : segments.values()) {
            OptionalLong position = status.getCurrentPosition();
            slowest = Math.min(slowest, position.isPresent() ? position.getAsLong() : -1);
        }
        return Math.max(0, headPosition.getAsLong() - slowest);
    }
}
