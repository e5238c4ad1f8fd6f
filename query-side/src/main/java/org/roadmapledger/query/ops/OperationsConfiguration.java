package org.roadmapledger.query.ops;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Operations beans. The standalone gets the same from the command side: each is declared once, by whichever
 * side comes first.
 */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "eventStoreHealthIndicator")
    HealthIndicator eventStoreHealthIndicator(ObjectProvider<EventStore> eventStore) {
        return new EventStoreHealthIndicator(eventStore);
    }

    /**
     * Replaces Spring Boot's {@code mongo} component, which asks {@code hello}: the embedded MongoDB-wire server
     * does not know that command and was reported down. {@code ping} is answered by both it and MongoDB.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
