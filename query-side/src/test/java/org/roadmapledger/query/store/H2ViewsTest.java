package org.roadmapledger.query.store;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The H2 file backend with unique indexes ordered by value: what mongo-java-server's own H2 backend wrote is found
 * again after the indexes are put in the new order, documents are found by {@code _id} and by compound unique keys,
 * and a duplicate key is still refused, also after a restart.
 */
class H2ViewsTest {

    private static final int DOCUMENTS = 2000;

    @TempDir
    Path directory;

    @Test
    void views_written_by_the_default_backend_are_found_after_their_indexes_are_reordered() {
        // given a file written by mongo-java-server's H2 backend with its default key order
        Path file = directory.resolve("views.mv");
        List<String> ids = randomIds();
        withServer(new H2Backend(file.toString()), views -> {
            views.getCollection("states").insertMany(ids.stream().map(id -> new Document("_id", id)
                    .append("n", ids.indexOf(id))).toList());
            MongoCollection<Document> tokens = views.getCollection("tokens");
            tokens.createIndex(Indexes.ascending("processor", "segment"), new IndexOptions().unique(true));
            tokens.insertMany(List.of(new Document("processor", "a").append("segment", 0),
                    new Document("processor", "a").append("segment", 1), new Document("processor", "b")
                            .append("segment", 0)));
        });

        for (int start = 0; start < 2; start++) {
            // when it is opened here (the first time reorders, the second finds it done)
            withServer(H2Views.open(file, 16), views -> {
                // then
                MongoCollection<Document> states = views.getCollection("states");
                for (int i = 0; i < ids.size(); i += 7) {
                    Document found = states.find(Filters.eq("_id", ids.get(i))).first();
                    assertThat(found).isNotNull();
                    assertThat(found.getInteger("n")).isEqualTo(i);
                }
                List<String> some = ids.subList(100, 600);
                assertThat(states.find(Filters.in("_id", some)).into(new ArrayList<>())).hasSize(some.size());
                assertThat(states.find(Filters.eq("_id", "absent")).first()).isNull();
                assertThatThrownBy(() -> states.insertOne(new Document("_id", ids.get(5))))
                        .isInstanceOf(MongoWriteException.class);
                MongoCollection<Document> tokens = views.getCollection("tokens");
                assertThat(tokens.find(Filters.and(Filters.eq("processor", "a"), Filters.eq("segment", 1))).first())
                        .isNotNull();
                assertThatThrownBy(() -> tokens.insertOne(new Document("processor", "b").append("segment", 0)))
                        .isInstanceOf(MongoWriteException.class);
            });
        }
    }

    @Test
    void a_collection_created_after_start_up_finds_and_refuses_by_id() {
        // given
        Path file = directory.resolve("new.mv");
        List<String> ids = randomIds();

        // when
        withServer(H2Views.open(file, 16), views -> views.getCollection("slices")
                .insertMany(ids.stream().map(id -> new Document("_id", id)).toList()));

        // then
        withServer(H2Views.open(file, 16), views -> {
            MongoCollection<Document> slices = views.getCollection("slices");
            assertThat(slices.countDocuments()).isEqualTo(DOCUMENTS);
            assertThat(slices.find(Filters.in("_id", ids)).into(new ArrayList<>())).hasSize(DOCUMENTS);
            assertThatThrownBy(() -> slices.insertOne(new Document("_id", ids.get(DOCUMENTS - 1))))
                    .isInstanceOf(MongoWriteException.class);
        });
    }

    @Test
    void a_file_mostly_of_dead_pages_is_compacted_and_keeps_every_view() throws Exception {
        // given views, in a file whose chunks are mostly pages no version needs any more (H2 compacts only a
        // little when it closes, and not at all when a process stops without closing)
        Path file = directory.resolve("sparse.mv");
        List<String> ids = randomIds();
        withServer(H2Views.open(file, 16), views -> {
            MongoCollection<Document> states = views.getCollection("states");
            states.insertMany(ids.stream().map(id -> new Document("_id", id).append("round", 0)).toList());
            for (String id : ids.subList(0, 500)) {
                states.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("round", 1));
            }
        });
        MVStore raw = new MVStore.Builder().fileName(file.toString()).open();
        MVMap<Integer, byte[]> churn = raw.openMap("churn");
        for (int i = 0; i < 2000; i++) {
            churn.put(i, new byte[1024]);
        }
        raw.commit();
        Random random = new Random(3);
        for (int round = 0; round < 40; round++) {
            for (int i = 0; i < 100; i++) {
                churn.put(random.nextInt(2000), new byte[1024]);
            }
            raw.commit();
        }
        raw.closeImmediately();
        long before = Files.size(file);
        int fillRate = H2Views.fillRate(file);
        assertThat(fillRate).as("fill rate of the rewritten file").isLessThan(50);

        // when
        H2Views.compactIfSparse(file, 0, 50);

        // then
        assertThat(Files.size(file)).isLessThan(before);
        assertThat(H2Views.fillRate(file)).isGreaterThan(fillRate);
        withServer(H2Views.open(file, 16), views -> {
            MongoCollection<Document> states = views.getCollection("states");
            assertThat(states.countDocuments()).isEqualTo(DOCUMENTS);
            for (int i = 0; i < ids.size(); i += 7) {
                Document found = states.find(Filters.eq("_id", ids.get(i))).first();
                assertThat(found).isNotNull();
                assertThat(found.getInteger("round")).isEqualTo(i < 500 ? 1 : 0);
            }
            assertThatThrownBy(() -> states.insertOne(new Document("_id", ids.get(3))))
                    .isInstanceOf(MongoWriteException.class);
        });
    }

    private static List<String> randomIds() {
        Random random = new Random(6);
        List<String> ids = new ArrayList<>();
        while (ids.size() < DOCUMENTS) {
            String id = "o-" + random.nextInt(1_000_000) + "#2024-" + (1 + random.nextInt(12));
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static void withServer(MongoBackend backend, Consumer<com.mongodb.client.MongoDatabase> use) {
        MongoServer server = new MongoServer(backend);
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                    + address.getPort())) {
                use.accept(client.getDatabase("ledger"));
            }
        } finally {
            server.shutdown();
        }
    }
}
