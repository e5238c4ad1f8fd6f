package org.roadmapledger.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The storage floor of the read side: raw bulk inserts, in batches of 1,000, of documents shaped like the views
 * into the service's own MongoDB server (a scratch database, dropped afterwards) or, when that is not reachable,
 * into a fresh MongoDB-wire server of the kind the standalone runs (mongo-java-server, H2 file backend).
 */
final class MongoFloor {

    static final String DATABASE = "bench_floor";

    record Result(double perSecond, String where) {
    }

    private MongoFloor() {
    }

    static Result bulkInsert(Optional<String> serviceUri, long documents) throws Exception {
        if (serviceUri.isPresent()) {
            try (MongoClient client = MongoClients.create(serviceUri.get())) {
                return new Result(insert(client.getDatabase(DATABASE), documents),
                        "the service's own server " + serviceUri.get() + " (scratch database " + DATABASE + ")");
            }
        }
        Path directory = Files.createTempDirectory("ledger-mongo-floor-");
        MongoServer server = new MongoServer(new H2Backend(directory.resolve("floor.mv").toString()));
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                    + address.getPort())) {
                return new Result(insert(client.getDatabase(DATABASE), documents),
                        "a fresh mongo-java-server (H2 file backend), the service's not being reachable");
            }
        } finally {
            server.shutdownNow();
        }
    }

    private static double insert(MongoDatabase database, long documents) {
        database.drop();
        try {
            MongoCollection<Document> collection = database.getCollection("documents");
            Progress progress = new Progress("floor-mongo", documents);
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
            return documents / progress.seconds();
        } finally {
            database.drop();
        }
    }
}
