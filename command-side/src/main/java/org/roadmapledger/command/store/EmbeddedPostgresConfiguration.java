package org.roadmapledger.command.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.roadmapledger.command.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL started from the class path, its data kept under {@code <data-dir>/postgres} across
 * restarts: the zero-install event store. Off when {@code ledger.embedded-postgres=false} (profile
 * {@code postgres}), where Spring Boot's own data source takes {@code spring.datasource.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.embedded-postgres", havingValue = "true", matchIfMissing = true)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final Duration STARTUP_WAIT = Duration.ofMinutes(10);
    private static final Duration LEFTOVER_STOP_WAIT = Duration.ofSeconds(30);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(LedgerProperties properties) throws IOException {
        Path dataDirectory = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
        Files.createDirectories(dataDirectory);
        LeftoverPostmaster.stop(dataDirectory, LEFTOVER_STOP_WAIT);
        // embedded-postgres is made for tests: it starts the server with fsync off (-F) and synchronous_commit off,
        // so an acknowledged command could vanish in a crash. The ledger's own event store must be durable;
        // these settings come after -F on the server's command line and win.
        String password = PostgresPassword.readOrCreate(properties.dataDir());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                // embedded-postgres connects to see the server ready: with the password, once it requires one
                .setConnectConfig("password", password)
                .setCleanDataDirectory(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // after a crash the server replays its write-ahead log before it accepts connections; with a large
                // event store that takes longer than embedded-postgres's 10 s, which then gave up and killed it
                .setPGStartupWait(STARTUP_WAIT)
                .start();
        log.info("Embedded PostgreSQL started on port {} with its data in {}", postgres.getPort(), dataDirectory);
        PostgresPassword.require(postgres, dataDirectory, password);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, LedgerProperties properties) throws IOException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        config.setUsername("postgres");
        config.setPassword(PostgresPassword.readOrCreate(properties.dataDir()));
        config.setMaximumPoolSize(16);
        config.setPoolName("ledger-embedded");
        return new HikariDataSource(config);
    }
}
