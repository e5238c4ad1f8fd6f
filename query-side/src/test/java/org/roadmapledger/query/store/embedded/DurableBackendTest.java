package org.roadmapledger.query.store.embedded;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a process killed with SIGKILL leaves of the H2 views: every acknowledged write, whole. Killing is closing
 * the store without writing anything more, which is what the process's death does to it.
 */
class DurableBackendTest {

    private static final WriteConcern WITHOUT_JOURNAL = WriteConcern.W1.withJournal(false);

    @TempDir
    Path directory;

    @Test
    void every_acknowledged_write_is_in_the_file_when_the_process_dies_at_once_after_it() {
        // given
        Path file = directory.resolve("views.mv");
        Random random = new Random(11);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add("o-" + i + "#" + random.nextInt(1_000_000));
        }

        // when single writes, a bulk insert, updates and a deletion are acknowledged, and the process dies
        killedAfter(file, views -> {
            MongoCollection<Document> states = views.getCollection("states");
            ids.subList(0, 100).forEach(id -> states.insertOne(new Document("_id", id).append("n", 0)));
            states.insertMany(ids.subList(100, 300).stream().map(id -> new Document("_id", id).append("n", 0))
                    .toList(), new InsertManyOptions().ordered(false));
            ids.subList(0, 50).forEach(id -> states.updateOne(Filters.eq("_id", id), Updates.set("n", 1)));
            states.deleteOne(Filters.eq("_id", ids.get(299)));
        });

        // then
        survivor(file, views -> {
            MongoCollection<Document> states = views.getCollection("states");
            assertThat(states.countDocuments()).isEqualTo(299);
            assertThat(states.countDocuments(Filters.eq("n", 1))).isEqualTo(50);
            assertThat(states.find(Filters.eq("_id", ids.get(299))).first()).isNull();
            assertThat(states.find(Filters.eq("_id", ids.get(150))).first()).containsEntry("n", 0);
        });
    }

    @Test
    void a_process_killed_in_the_middle_of_writes_leaves_no_index_entry_without_its_document() {
        for (int seed = 1; seed <= 3; seed++) {
            // given
            Path file = directory.resolve("views-" + seed + ".mv");
            Random random = new Random(seed);
            int before = 200 + random.nextInt(200);
            Set<String> acknowledged = new HashSet<>();

            // when the process dies while another writer is inserting
            DurableBackend backend = H2Views.open(file, 16);
            MongoServer server = new MongoServer(backend);
            try (MongoClient client = client(server.bind())) {
                MongoCollection<Document> states = client.getDatabase("ledger").getCollection("states");
                Thread writer = new Thread(() -> {
                    for (int i = 0; ; i++) {
                        String id = "w-" + i;
                        try {
                            states.insertOne(new Document("_id", id).append("payload", "x".repeat(200)));
                        } catch (RuntimeException stopped) {
                            return;
                        }
                        synchronized (acknowledged) {
                            acknowledged.add(id);
                        }
                    }
                });
                writer.start();
                while (size(acknowledged) < before) {
                    Thread.onSpinWait();
                }
                backend.dieAbruptly();
                server.shutdownNow();
                join(writer);
            }

            // then every acknowledged insert is there, and any id not there can still be inserted
            survivor(file, views -> {
                MongoCollection<Document> states = views.getCollection("states");
                Set<String> found = new HashSet<>();
                states.find().forEach(d -> found.add(d.getString("_id")));
                assertThat(found).containsAll(acknowledged);
                String next = "w-" + (found.size());
                states.insertOne(new Document("_id", next));
                assertThat(states.countDocuments()).isEqualTo(found.size() + 1L);
            });
        }
    }

    @Test
    void a_write_without_journal_is_in_the_file_once_a_journaled_write_after_it_is_acknowledged() {
        // given
        Path file = directory.resolve("views-journal.mv");

        // when a write without journal, then one with, are acknowledged, and the process dies
        killedAfter(file, views -> {
            views.getCollection("states").withWriteConcern(WITHOUT_JOURNAL)
                    .insertOne(new Document("_id", "view").append("n", 1));
            views.getCollection("tokens").insertOne(new Document("_id", "token"));
        });

        // then
        survivor(file, views -> {
            assertThat(views.getCollection("states").find(Filters.eq("_id", "view")).first()).containsEntry("n", 1);
            assertThat(views.getCollection("tokens").countDocuments()).isEqualTo(1);
        });
    }

    @Test
    void writes_without_journal_share_commits_and_are_in_the_file_within_the_commit_interval() {
        // given
        Path file = directory.resolve("views-periodic.mv");
        DurableBackend backend = H2Views.open(file, 16);
        MongoServer server = new MongoServer(backend);
        int writes = 200;
        long commitsBefore;
        try (MongoClient client = client(server.bind())) {
            MongoCollection<Document> states = client.getDatabase("ledger").getCollection("states")
                    .withWriteConcern(WITHOUT_JOURNAL);
            states.insertOne(new Document("_id", "created"));
            commitsBefore = backend.commits();

            // when two hundred writes without journal are acknowledged, and the process dies once they are committed
            for (int i = 0; i < writes; i++) {
                states.insertOne(new Document("_id", "s-" + i));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> backend.committedWrites() >= backend.writes());
            backend.dieAbruptly();
        } finally {
            server.shutdownNow();
        }

        // then far fewer commits than writes, and every write in the file
        assertThat(backend.commits() - commitsBefore).isPositive().isLessThan(writes / 2);
        survivor(file, views -> assertThat(views.getCollection("states").countDocuments()).isEqualTo(writes + 1L));
    }

    @Test
    void a_process_killed_among_writes_without_journal_keeps_each_one_a_journaled_write_followed() {
        for (int seed = 1; seed <= 3; seed++) {
            // given
            Path file = directory.resolve("views-mixed-" + seed + ".mv");
            Random random = new Random(seed);
            int before = 200 + random.nextInt(200);
            AtomicLong journaledThrough = new AtomicLong(-1);

            // when the process dies while a writer inserts, one write in ten journaled, as a processor's token
            DurableBackend backend = H2Views.open(file, 16);
            MongoServer server = new MongoServer(backend);
            try (MongoClient client = client(server.bind())) {
                MongoCollection<Document> states = client.getDatabase("ledger").getCollection("states");
                MongoCollection<Document> views = states.withWriteConcern(WITHOUT_JOURNAL);
                Thread writer = new Thread(() -> {
                    for (int i = 0; ; i++) {
                        try {
                            (i % 10 == 9 ? states : views).insertOne(new Document("_id", "w-" + i)
                                    .append("payload", "x".repeat(200)));
                        } catch (RuntimeException stopped) {
                            return;
                        }
                        if (i % 10 == 9) {
                            journaledThrough.set(i);
                        }
                    }
                });
                writer.start();
                while (journaledThrough.get() < before) {
                    Thread.onSpinWait();
                }
                backend.dieAbruptly();
                server.shutdownNow();
                join(writer);
            }

            // then every write up to the last journaled one is there, and any id not there can still be inserted
            long through = journaledThrough.get();
            survivor(file, views -> {
                MongoCollection<Document> states = views.getCollection("states");
                Set<String> found = new HashSet<>();
                states.find().forEach(d -> found.add(d.getString("_id")));
                for (long i = 0; i <= through; i++) {
                    assertThat(found).contains("w-" + i);
                }
                states.insertOne(new Document("_id", "w-" + found.size()));
                assertThat(states.countDocuments()).isEqualTo(found.size() + 1L);
            });
        }
    }

    private static int size(Set<String> ids) {
        synchronized (ids) {
            return ids.size();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(thread.isAlive()).as("writer stopped").isFalse();
    }

    private static void killedAfter(Path file, Consumer<MongoDatabase> use) {
        DurableBackend backend = H2Views.open(file, 16);
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = client(server.bind())) {
            use.accept(client.getDatabase("ledger"));
            backend.dieAbruptly();
        } finally {
            server.shutdownNow();
        }
    }

    private static void survivor(Path file, Consumer<MongoDatabase> use) {
        MongoServer server = new MongoServer(H2Views.open(file, 16));
        try (MongoClient client = client(server.bind())) {
            use.accept(client.getDatabase("ledger"));
        } finally {
            server.shutdown();
        }
    }

    private static MongoClient client(InetSocketAddress address) {
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort()
                + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=2000&socketTimeoutMS=5000&retryWrites=false");
    }
}
