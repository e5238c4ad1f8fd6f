package org.roadmapledger.query.store.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.roadmapledger.query.QueryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.ConnectionString;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB-wire server that keeps the read models where no MongoDB runs: H2 file backend under
 * {@code <data-dir>/mongo} by default, or in memory. Off with {@code ledger.embedded-mongo=false}, where
 * {@code spring.data.mongodb.*} names a real MongoDB.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.embedded-mongo", havingValue = "true", matchIfMissing = true)
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    /**
     * The page cache, unless configured: a sixth of the heap (85 MB in 512 MB, 170 MB in 1 GB). A cache that
     * outgrows its share leaves the heap too little to work in; one too small makes a large views file read most
     * pages from disk (a 1,000,000-event replay ran at half speed once the file outgrew a 64 MB cache).
     */
    static int cacheMegabytes(int configured, long maxHeapBytes) {
        return configured > 0 ? configured : (int) Math.max(16, maxHeapBytes / 6 / (1 << 20));
    }

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(QueryProperties properties, ObjectProvider<MeterRegistry> meters)
            throws IOException {
        MongoBackend backend;
        if ("memory".equalsIgnoreCase(properties.embeddedMongoBackend())) {
            backend = new MemoryBackend();
            log.info("Embedded MongoDB-wire server keeps the views in memory");
        } else {
            Path directory = properties.dataDir().resolve("mongo").toAbsolutePath().normalize();
            Files.createDirectories(directory);
            Path file = directory.resolve("views.mv");
            int cache = cacheMegabytes(properties.embeddedMongoCacheMegabytes(), Runtime.getRuntime().maxMemory());
            DurableBackend durable = H2Views.open(file, cache);
            meters.ifAvailable(registry -> measure(durable, registry));
            backend = durable;
            log.info("Embedded MongoDB-wire server keeps the views in {} ({} MB page cache)", file, cache);
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return server;
    }

    /** How many commits the writes took: writes without journal share them (DurableBackend). */
    private static void measure(DurableBackend backend, MeterRegistry registry) {
        FunctionCounter.builder("ledger.views.store.writes", backend, DurableBackend::writes)
                .description("Writing commands the embedded views store applied").register(registry);
        FunctionCounter.builder("ledger.views.store.commits", backend, DurableBackend::commits)
                .description("Commits of the embedded views store; each covers one or more writes")
                .register(registry);
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        ConnectionString connection = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/ledger");
        return () -> connection;
    }
}
