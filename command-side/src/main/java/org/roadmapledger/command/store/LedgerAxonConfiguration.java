package org.roadmapledger.command.store;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.springframework.beans.factory.annotation.Value;
import org.roadmapledger.api.upcasting.ProvisionalTitlesUpcaster;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.spring.config.SpringAggregateConfigurer;
import org.roadmapledger.command.LedgerProperties;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;

/**
 * How Axon keeps the ledger: snapshots, the ledger clock, metadata every event carries, how storage errors are
 * read and which events each aggregate is sourced from.
 */
@Configuration(proxyBeanMethods = false)
class LedgerAxonConfiguration {

    /** PostgreSQL's SQLState for a unique constraint violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** Conditional: the standalone composes both sides, and the query side keeps the same clock. */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock ledgerClock() {
        return Clock.systemUTC();
    }

    @Bean
    SnapshotTriggerDefinition objectiveSnapshotTrigger(Snapshotter snapshotter, LedgerProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /** Objectives kept between commands ({@link AggregateCache}); {@code ledger.objective-cache-size} 0 turns it off. */
    @Bean
    Cache objectiveCache(@Value("${ledger.objective-cache-size:0}") int size) {
        return size > 0 ? new AggregateCache(size) : NoCache.INSTANCE;
    }

    /**
     * Tells Axon's JDBC engine when an append failed because the aggregate's sequence number is already taken.
     * Axon's default resolver for that engine only recognises {@link SQLIntegrityConstraintViolationException},
     * which the PostgreSQL driver never throws (it reports SQLState 23505 on a plain SQLException): defining an
     * objective that exists, or two instances appending the same sequence number, then surfaced as an
     * {@code EventStoreException} and HTTP 500 instead of {@code AggregateStreamCreationException} and
     * {@code ConcurrencyException}, which the API answers with 409.
     */
    /** Events stored before titles could be provisional are read as official (shared-api's upcaster). */
    @Bean
    @ConditionalOnMissingBean(ProvisionalTitlesUpcaster.class)
    ProvisionalTitlesUpcaster provisionalTitlesUpcaster() {
        return new ProvisionalTitlesUpcaster();
    }

    @Bean
    PersistenceExceptionResolver duplicateKeyResolver() {
        return LedgerAxonConfiguration::isUniqueViolation;
    }

    static boolean isUniqueViolation(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException
                    || t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every aggregate is sourced only from the events of its own type. All aggregate types share the event store's
     * identifier space, and an objective's code may be another aggregate's identifier (the roadmap's, e.g.):
     * unfiltered, loading that "objective" replayed the Roadmap's events and failed with an
     * {@code IncompatibleAggregateException} (HTTP 500); filtered, it is not found (404). {@code @Aggregate}
     * has {@code filterEventsByType} for this, but Axon 4.12's Spring Boot aggregate lookup does not pass it on
     * to the aggregate's configurer, so it is set here on every aggregate's configurer definition. The type is
     * the aggregate's simple class name, as stored with each event: renaming an aggregate class needs a
     * migration anyway.
     */
    @Bean
    static BeanFactoryPostProcessor aggregatesReadOnlyTheirOwnEvents() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanDefinitionNames()) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                if (SpringAggregateConfigurer.class.getName().equals(definition.getBeanClassName())) {
                    definition.getPropertyValues().add("filterEventsByType", true);
                }
            }
        };
    }

    @Bean
    CorrelationDataProvider ledgerMetadataProvider() {
        return new LedgerMetadataProvider();
    }

    /** Every command sent through the gateway, from REST or not, passes the constraints of shared-api. */
    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> commandValidation() {
        BeanValidationInterceptor<CommandMessage<?>> validation = new BeanValidationInterceptor<>();
        return validation::handle;
    }
}
