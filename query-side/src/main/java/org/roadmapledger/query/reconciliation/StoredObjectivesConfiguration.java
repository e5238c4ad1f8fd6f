package org.roadmapledger.query.reconciliation;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.roadmapledger.query.objective.versions.ObjectiveVersionStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

/** One query per page on the PostgreSQL event store; Axon's per-aggregate look-up on any other. */
@Configuration(proxyBeanMethods = false)
class StoredObjectivesConfiguration {

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    StoredObjectives jdbcStoredObjectives(JdbcTemplate jdbc, EventSchema schema) {
        return new JdbcStoredObjectives(jdbc, schema);
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
    StoredObjectives axonStoredObjectives(@Lazy EventStore eventStore, ObjectiveVersionStore views) {
        return new AxonStoredObjectives(eventStore, views);
    }
}
