package org.roadmapledger.query;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The stores of a query-side test: one embedded real PostgreSQL per test JVM holding the event store (schema
 * from shared-api's Flyway migration), or the one named by {@code LEDGER_TEST_DB_URL}; and the MongoDB-wire
 * server in memory, new for each Spring context. Tests use their own objective ids, so they share the events.
 */
public final class QueryTestInfrastructure {

    private static EmbeddedPostgres postgres;

    private QueryTestInfrastructure() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        eventStoreProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("ledger.embedded-mongo-backend", () -> "memory");
    }

    /** The datasource properties of the event store the tests append to. */
    public static Map<String, String> eventStoreProperties() {
        String url = System.getenv("LEDGER_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return Map.of("spring.datasource.url", url,
                    "spring.datasource.username", env("LEDGER_TEST_DB_USER", "postgres"),
                    "spring.datasource.password", env("LEDGER_TEST_DB_PASSWORD", "postgres"));
        }
        EmbeddedPostgres pg = postgres();
        return Map.of("spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres");
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // after every cached application context has closed: a server stopped under their connection pools
            // kept the JVM from exiting for 30 s while each pool tried to reconnect
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's temporary directory goes with the next clean-up
                }
            });
        }
        return postgres;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
