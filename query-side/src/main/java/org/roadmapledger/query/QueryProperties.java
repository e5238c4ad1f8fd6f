package org.roadmapledger.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The query side's own settings.
 *
 * @param roadmapId              the roadmap {@code GET /api/roadmap} shows
 * @param dataDir                where the embedded MongoDB-wire server keeps its file
 * @param embeddedMongo          run the embedded MongoDB-wire server instead of connecting to a MongoDB
 * @param embeddedMongoBackend   {@code h2} (a file under the data dir, survives restarts) or {@code memory}
 * @param embeddedMongoCacheMegabytes the H2 backend's page cache, in the heap; 0: a sixth of the maximum heap
 * @param minVersionWait         how long a read with {@code minVersion} waits for the projection
 * @param reconciliationInterval how often views are checked against the event store, and repaired
 */
@ConfigurationProperties(prefix = "ledger")
public record QueryProperties(
        @DefaultValue("fr-digital-health-2023-2027") String roadmapId,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("true") boolean embeddedMongo,
        @DefaultValue("h2") String embeddedMongoBackend,
        @DefaultValue("0") int embeddedMongoCacheMegabytes,
        @DefaultValue("5s") Duration minVersionWait,
        @DefaultValue("5m") Duration reconciliationInterval) {
}
