package org.roadmapledger.platform.store;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;

/**
 * The table and column names of the event store that {@code db/migration/V1__event_store.sql} creates: the
 * snake_case names Axon's JPA entities get in Spring Boot, so Axon's JDBC engine (and the JPA one, in profile
 * {@code jpa}) read and write the same tables. The command side writes them, the query side and the benchmarks read
 * them: the schema is their contract.
 */
public final class EventStoreSchema {

    private EventStoreSchema() {
    }

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
