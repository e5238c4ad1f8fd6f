package org.roadmapledger.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The storage floor of the read side: raw bulk inserts of documents shaped like the views into the same
 * MongoDB-wire server (mongo-java-server, H2 file backend) the standalone runs, in batches of 1,000.
 */
final class MongoFloor {

    private MongoFloor() {
    }

    static double documentsPerSecond(long documents) throws Exception {
        Path directory = Files.createTempDirectory("ledger-mongo-floor-");
        MongoServer server = new MongoServer(new H2Backend(directory.resolve("floor.mv").toString()));
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                    + address.getPort())) {
                MongoCollection<Document> collection = client.getDatabase("floor").getCollection("documents");
                Progress progress = new Progress("mongo-floor", documents);
                List<Document> batch = new ArrayList<>(1000);
                for (long i = 0; i < documents; i++) {
                    batch.add(new Document("_id", "X" + i + "@" + i + "#2024-01-01")
                            .append("objectiveId", "X" + (i % 10_000)).append("knownFromSequence", i)
                            .append("recordedFrom", new Date()).append("validFrom", "2024-01-01")
                            .append("validTo", "9999-12-31").append("status", "ON_TRACK")
                            .append("title", "Objectif de charge").append("progressPercent", (int) (i % 101)));
                    if (batch.size() == 1000) {
                        collection.insertMany(batch);
                        batch.clear();
                        progress.at(i + 1);
                    }
                }
                if (!batch.isEmpty()) {
                    collection.insertMany(batch);
                }
                progress.done(documents);
                return documents / progress.seconds();
            }
        } finally {
            server.shutdownNow();
        }
    }
}
