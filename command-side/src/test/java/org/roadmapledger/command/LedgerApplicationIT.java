package org.roadmapledger.command;

import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.roadmapledger.command.proof.ChainingStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(properties = "ledger.import-on-startup=false")
class LedgerApplicationIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestDatabase.register(registry);
    }

    @Autowired
    Configuration axon;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_serializer_is_jackson_and_xstream_is_not_on_the_class_path() {
        // then
        assertThat(axon.serializer()).isInstanceOf(JacksonSerializer.class);
        assertThat(axon.eventSerializer()).isInstanceOf(JacksonSerializer.class);
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void events_are_chained_then_stored_by_the_jdbc_engine_in_the_flyway_schema_with_bytea_payloads() {
        // then
        assertThat(storageEngine).isInstanceOfSatisfying(ChainingStorageEngine.class,
                chaining -> assertThat(chaining.delegate()).isInstanceOf(JdbcEventStorageEngine.class));
        String payloadType = jdbc.queryForObject("SELECT data_type FROM information_schema.columns "
                + "WHERE table_name = 'domain_event_entry' AND column_name = 'payload'", String.class);
        assertThat(payloadType).isEqualTo("bytea");
        Integer migrations = jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE success",
                Integer.class);
        assertThat(migrations).isGreaterThanOrEqualTo(2);
    }

    @Test
    void the_event_table_refuses_updates_deletes_and_truncation() {
        // given: an event
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                + "time_stamp, payload_type, payload) VALUES ('append-only-1', 'append-only', 0, 'Objective', "
                + "'2025-01-01T00:00:00Z', 'x', '\\x7b7d'::bytea)");

        // when / then
        assertThatThrownBy(() -> jdbc.update("UPDATE domain_event_entry SET payload_type = 'y' "
                + "WHERE event_identifier = 'append-only-1'")).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM domain_event_entry WHERE event_identifier = 'append-only-1'"))
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE domain_event_entry")).rootCause()
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT payload_type FROM domain_event_entry "
                + "WHERE event_identifier = 'append-only-1'", String.class)).isEqualTo("x");
    }
}
