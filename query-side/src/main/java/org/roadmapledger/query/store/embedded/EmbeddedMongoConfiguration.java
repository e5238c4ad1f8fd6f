package org.roadmapledger.query.store.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.roadmapledger.query.QueryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    @Bean(destroyMethod = "shutdown")
    MongoServer embeddedMongoServer(QueryProperties properties) throws IOException {
        MongoBackend backend;
        if ("memory".equalsIgnoreCase(properties.embeddedMongoBackend())) {
            backend = new MemoryBackend();
            log.info("Embedded MongoDB-wire server keeps the views in memory");
        } else {
            Path directory = properties.dataDir().resolve("mongo").toAbsolutePath().normalize();
            Files.createDirectories(directory);
            Path file = directory.resolve("views.mv");
            backend = H2Views.open(file, properties.embeddedMongoCacheMegabytes());
            log.info("Embedded MongoDB-wire server keeps the views in {} ({} MB page cache)", file,
                    properties.embeddedMongoCacheMegabytes());
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer server) {
        InetSocketAddress address = server.getLocalAddress();
        ConnectionString connection = new ConnectionString(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/ledger");
        return () -> connection;
    }
}
