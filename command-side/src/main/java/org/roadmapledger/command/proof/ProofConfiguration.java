package org.roadmapledger.command.proof;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.roadmapledger.platform.proof.ProofProperties;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * The proof on the command side: events chained as they are appended, earlier ones chained once at start-up,
 * seals taken and signed. Off only where the events are not in PostgreSQL's event table ({@code axonserver}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.proof.enabled", havingValue = "true", matchIfMissing = true)
class ProofConfiguration {

    /** Wraps the event store's engine, whichever Axon configured (JDBC, or JPA in profile {@code jpa}). */
    @Bean
    static BeanPostProcessor chainingStorageEngine(BeanFactory beans) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof EventStorageEngine engine && !(bean instanceof ChainingStorageEngine)) {
                    return new ChainingStorageEngine(engine,
                            beans.getBean("eventSerializer", Serializer.class), beans.getBean(ChainHeads.class));
                }
                return bean;
            }
        };
    }

    @Bean
    ChainHeads chainHeads(JdbcTemplate jdbc) {
        return new ChainHeads(jdbc);
    }

    @Bean
    ChainStart chainStart(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        return new ChainStart(new JdbcTemplate(jdbc.getDataSource()), transactions, clock);
    }

    @Bean
    SealKeyring sealKeyring(ProofProperties properties) {
        return new SealKeyring(properties);
    }

    @Bean
    SealMaker sealMaker(JdbcTemplate jdbc, SealKeyring keyring, Clock clock) {
        return new SealMaker(jdbc, keyring, clock);
    }
}
