package org.roadmapledger.query.ops;

import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The query side's own health: its views' database (the event store's is the platform's). */
@Configuration(proxyBeanMethods = false)
class OperationsConfiguration {

    /**
     * Replaces Spring Boot's {@code mongo} component, which asks {@code hello}: the embedded MongoDB-wire server
     * does not know that command and was reported down. {@code ping} is answered by both it and MongoDB.
     */
    @Bean
    HealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
