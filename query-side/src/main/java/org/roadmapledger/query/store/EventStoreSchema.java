package org.roadmapledger.query.store;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The names of the event store tables of shared-api's {@code V1__event_store.sql}, for reading events with
 * Axon's JDBC engine. The command side declares the same names for writing: the schema is their contract.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreSchema {

    /** Conditional: the standalone composes both sides, and the command side declares the same names. */
    @Bean
    @ConditionalOnMissingBean(EventSchema.class)
    EventSchema eventSchema() {
        return ledgerSchema();
    }

    /** The table and column names of the ledger's event store. */
    public static EventSchema ledgerSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }
}
