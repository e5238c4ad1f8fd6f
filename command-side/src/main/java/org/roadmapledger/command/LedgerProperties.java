package org.roadmapledger.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * The command side's own settings.
 *
 * @param roadmapId         the roadmap this ledger keeps; objectives are defined in it
 * @param dataDir           where the embedded stores keep their files
 * @param snapshotThreshold an Objective snapshot is taken every this many events
 * @param embeddedPostgres  start a real PostgreSQL from the class path instead of connecting to one
 * @param roadmapFile       the roadmap file imported at start-up; the bundled one when empty
 * @param importOnStartup   import the roadmap file when the application starts
 */
@ConfigurationProperties(prefix = "ledger")
public record LedgerProperties(
        @DefaultValue("fr-digital-health-2023-2027") String roadmapId,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("100") int snapshotThreshold,
        @DefaultValue("true") boolean embeddedPostgres,
        String roadmapFile,
        @DefaultValue("true") boolean importOnStartup) {
}
