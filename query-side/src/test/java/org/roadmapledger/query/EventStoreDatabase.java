package org.roadmapledger.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.roadmapledger.platform.store.EventStoreSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A database of its own in the tests' PostgreSQL, with the event store's schema, for events that the other tests'
 * processors must not read; appended to in batches through Axon's own JDBC engine and a Jackson serializer.
 */
public final class EventStoreDatabase {

    private static final int BATCH = 1000;

    private final Map<String, String> properties;
    private final DriverManagerDataSource dataSource;
    private final JdbcEventStorageEngine engine;

    private EventStoreDatabase(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
        this.dataSource = new DriverManagerDataSource(properties.get("spring.datasource.url"),
                properties.get("spring.datasource.username"), properties.get("spring.datasource.password"));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(dataSource::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(EventStoreSchema.ledgerSchema())
                .build();
    }

    /** Creates the database, named after {@code prefix} and the time, and its schema. */
    public static EventStoreDatabase create(String prefix) {
        Map<String, Supplier<Object>> registered = new HashMap<>();
        QueryTestInfrastructure.register(registered::put);
        Map<String, String> properties = new HashMap<>();
        registered.forEach((name, value) -> {
            if (name.startsWith("spring.datasource.")) {
                properties.put(name, value.get().toString());
            }
        });
        String url = properties.get("spring.datasource.url");
        String name = prefix + "_" + System.nanoTime();
        new JdbcTemplate(new DriverManagerDataSource(url, properties.get("spring.datasource.username"),
                properties.get("spring.datasource.password"))).execute("CREATE DATABASE " + name);
        properties.put("spring.datasource.url", url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        return new EventStoreDatabase(properties);
    }

    /** The {@code spring.datasource.*} properties of an application reading this database. */
    public Map<String, String> properties() {
        return properties;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Appends the events, then has PostgreSQL analyze the table, as autovacuum would after a bulk load. */
    public void append(List<EventMessage<?>> events) {
        for (int from = 0; from < events.size(); from += BATCH) {
            engine.appendEvents(events.subList(from, Math.min(events.size(), from + BATCH)));
        }
        new JdbcTemplate(dataSource).execute("ANALYZE domain_event_entry");
    }
}
