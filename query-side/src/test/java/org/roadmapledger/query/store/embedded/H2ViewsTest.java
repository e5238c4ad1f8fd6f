package org.roadmapledger.query.store.embedded;

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

    @Test
    void documents_of_every_value_type_read_back_as_written_after_a_restart_and_a_compaction() {
        // given documents with the value types the views, tokens and subscriptions use, and some they do not
        Path file = directory.resolve("types.mv");
        Document nested = new Document("milestoneId", "J1").append("dueOn", "2025-03-31").append("achievedOn", null);
        Document typed = new Document("_id", "o-1#2024-03-01@7").append("text", "Objectif été ✓").append("int", 42)
                .append("long", 9_007_199_254_740_993L).append("double", 0.1).append("true", true)
                .append("null", null).append("date", new java.util.Date(1_700_000_000_123L))
                .append("binary", new org.bson.types.Binary(new byte[] {0, 1, (byte) 0xFF, 127}))
                .append("objectId", new org.bson.types.ObjectId("65f0c0ffee0123456789abcd"))
                .append("list", List.of(nested, "x", 3)).append("document", new Document("a", List.of()))
                .append("decimal", new org.bson.types.Decimal128(new java.math.BigDecimal("12.345")));
        Document keyed = new Document("processor", "objective-versions").append("segment", 3L).append("n", 1);

        // when written through the server, and read after a restart and after a compaction
        withServer(H2Views.open(file, 16), views -> {
            views.getCollection("typed").insertOne(typed);
            MongoCollection<Document> tokens = views.getCollection("tokens");
            tokens.createIndex(Indexes.ascending("processor", "segment"), new IndexOptions().unique(true));
            tokens.insertOne(keyed);
        });
        for (int step = 0; step < 2; step++) {
            if (step == 1) {
                H2Views.compactIfSparse(file, 0, 101);
            }
            withServer(H2Views.open(file, 16), views -> {
                // then
                assertThat(views.getCollection("typed").find(Filters.eq("_id", typed.get("_id"))).first())
                        .isEqualTo(typed);
                MongoCollection<Document> tokens = views.getCollection("tokens");
                assertThat(tokens.find(Filters.and(Filters.eq("processor", "objective-versions"),
                        Filters.eq("segment", 3L))).first()).isEqualTo(keyed);
                assertThatThrownBy(() -> tokens.insertOne(new Document("processor", "objective-versions")
                        .append("segment", 3L))).isInstanceOf(MongoWriteException.class);
            });
        }
    }

    @Test
    void documents_stored_by_the_default_backend_are_read_changed_and_stored_as_bson() throws Exception {
        // given documents Java-serialized by mongo-java-server's own H2 backend
        Path file = directory.resolve("old.mv");
        List<String> ids = randomIds();
        String payload = "x".repeat(200);
        withServer(new H2Backend(file.toString()), views -> views.getCollection("states").insertMany(ids.stream()
                .map(id -> new Document("_id", id).append("round", 0).append("payload", payload)).toList()));
        long javaSerialized = Files.size(file);

        // when half of them are rewritten here
        withServer(H2Views.open(file, 16), views -> {
            MongoCollection<Document> states = views.getCollection("states");
            for (String id : ids.subList(0, DOCUMENTS / 2)) {
                states.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("round", 1)
                        .append("payload", payload));
            }
        });

        // then both halves read, and a file of the same documents written here is smaller than the old one
        withServer(H2Views.open(file, 16), views -> {
            MongoCollection<Document> states = views.getCollection("states");
            for (int i = 0; i < ids.size(); i += 7) {
                assertThat(states.find(Filters.eq("_id", ids.get(i))).first().getInteger("round"))
                        .isEqualTo(i < DOCUMENTS / 2 ? 1 : 0);
            }
        });
        Path fresh = directory.resolve("fresh.mv");
        withServer(H2Views.open(fresh, 16), views -> views.getCollection("states").insertMany(ids.stream()
                .map(id -> new Document("_id", id).append("round", 0).append("payload", payload)).toList()));
        assertThat(Files.size(fresh)).isLessThan(javaSerialized);
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

    static void withServer(MongoBackend backend, Consumer<com.mongodb.client.MongoDatabase> use) {
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
