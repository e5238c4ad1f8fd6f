package org.roadmapledger.command.ops;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operations beans. The standalone gets the same from the query side: each is declared once, by whichever
 * side comes first.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "eventStoreHealthIndicator")
    HealthIndicator eventStoreHealthIndicator(ObjectProvider<EventStore> eventStore) {
        return new EventStoreHealthIndicator(eventStore);
    }
}
