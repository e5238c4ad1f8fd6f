package org.roadmapledger.command;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests keep the event store: an embedded real PostgreSQL in a fresh temporary directory per Spring
 * context, or the external server named by {@code LEDGER_TEST_DB_URL} (with {@code LEDGER_TEST_DB_USER} and
 * {@code LEDGER_TEST_DB_PASSWORD}), which must then be empty.
 */
public final class LedgerTestDatabase {

    private LedgerTestDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        String url = System.getenv("LEDGER_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            registry.add("ledger.embedded-postgres", () -> "false");
            registry.add("spring.datasource.url", () -> url);
            registry.add("spring.datasource.username", () -> env("LEDGER_TEST_DB_USER", "postgres"));
            registry.add("spring.datasource.password", () -> env("LEDGER_TEST_DB_PASSWORD", "postgres"));
        } else {
            registry.add("ledger.data-dir", LedgerTestDatabase::temporaryDataDir);
        }
    }

    private static String temporaryDataDir() {
        try {
            return Files.createTempDirectory("ledger-test-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
