package org.roadmapledger.command.store;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.roadmapledger.command.LedgerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** How Axon keeps the ledger: snapshots, the ledger clock, metadata every event carries. */
@Configuration(proxyBeanMethods = false)
class LedgerAxonConfiguration {

    @Bean
    Clock ledgerClock() {
        return Clock.systemUTC();
    }

    @Bean
    SnapshotTriggerDefinition objectiveSnapshotTrigger(Snapshotter snapshotter, LedgerProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
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
