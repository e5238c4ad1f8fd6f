package org.roadmapledger.query.processing;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The source both projections read ({@code axon.eventhandling.processors.*.source: projectionEvents}): the event
 * store, waking idle processors every {@code ledger.processing.wake-interval}.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorSource {

    @Bean(destroyMethod = "close")
    PromptEventSource projectionEvents(@Lazy EventStore eventStore, ProcessingProperties properties) {
        return new PromptEventSource(eventStore, properties.wakeInterval());
    }
}
