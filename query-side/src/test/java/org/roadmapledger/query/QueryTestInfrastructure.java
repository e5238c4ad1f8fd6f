package org.roadmapledger.query;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;

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
        String url = System.getenv("LEDGER_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> env("LEDGER_TEST_DB_USER", "postgres"));
            registry.add("spring.datasource.password", () -> env("LEDGER_TEST_DB_PASSWORD", "postgres"));
        } else {
            EmbeddedPostgres pg = postgres();
            registry.add("spring.datasource.url", () -> pg.getJdbcUrl("postgres", "postgres"));
            registry.add("spring.datasource.username", () -> "postgres");
            registry.add("spring.datasource.password", () -> "postgres");
        }
        registry.add("ledger.embedded-mongo-backend", () -> "memory");
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the server's temporary directory goes with the next clean-up
                }
            }));
        }
        return postgres;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
