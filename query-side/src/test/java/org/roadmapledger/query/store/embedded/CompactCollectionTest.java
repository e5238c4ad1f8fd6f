package org.roadmapledger.query.store.embedded;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapledger.query.store.embedded.H2ViewsTest.withServer;

/**
 * The views file keeps each document as its BSON bytes, decoded only when asked for: inserts, updates, replaces,
 * deletes, counts and natural order answer as the server's own backend does, across a restart; queries on ids
 * alone, which skip the server's second matching, answer as the server's own backend does.
 */
class CompactCollectionTest {

    @TempDir
    Path directory;

    @Test
    void documents_are_stored_as_bytes_and_answer_as_documents_across_a_restart() {
        Path file = directory.resolve("views.mv");
        // given documents inserted, updated, replaced and deleted
        withServer(H2Views.open(file, 16), views -> {
            MongoCollection<Document> states = views.getCollection("states");
            states.insertMany(IntStream.range(0, 500).mapToObj(i -> new Document("_id", "o-" + i).append("n", i)
                    .append("tags", List.of("a", "b")).append("nested", new Document("deep", i * 2))).toList());
            states.updateOne(Filters.eq("_id", "o-7"), Updates.set("n", 700));
            states.updateOne(Filters.eq("_id", "o-8"), Updates.push("tags", "c"));
            states.replaceOne(Filters.eq("_id", "o-9"), new Document("_id", "o-9").append("replaced", true));
            states.deleteOne(Filters.eq("_id", "o-10"));
        });

        // when the file is opened again
        withServer(H2Views.open(file, 16), views -> {
            MongoCollection<Document> states = views.getCollection("states");

            // then every change is found, and nothing else
            assertThat(states.countDocuments()).isEqualTo(499);
            assertThat(states.find(Filters.eq("_id", "o-7")).first().getInteger("n")).isEqualTo(700);
            assertThat(states.find(Filters.eq("_id", "o-8")).first().getList("tags", String.class))
                    .containsExactly("a", "b", "c");
            assertThat(states.find(Filters.eq("_id", "o-9")).first()).isEqualTo(new Document("_id", "o-9")
                    .append("replaced", true));
            assertThat(states.find(Filters.eq("_id", "o-10")).first()).isNull();
            assertThat(states.find(Filters.eq("_id", "o-11")).first().get("nested", Document.class)
                    .getInteger("deep")).isEqualTo(22);
            assertThat(states.find(Filters.gte("n", 498)).into(new ArrayList<>())).extracting(d -> d.get("_id"))
                    .containsExactlyInAnyOrder("o-7", "o-498", "o-499");
            assertThat(states.find().sort(Sorts.descending("$natural")).limit(1).first()).isNotNull();
        });

        // and the file holds them as bytes, not as decoded documents
        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            MVMap<Object, Object> documents = store.openMap("databases.ledger.states",
                    new MVMap.Builder<Object, Object>().valueType(new DocumentType()));
            assertThat(documents.get("o-7")).isInstanceOf(StoredBson.class);
            assertThat(((StoredBson) documents.get("o-7")).document().get("n")).isEqualTo(700);
        } finally {
            store.close();
        }
    }

    @Test
    void queries_on_ids_alone_answer_as_the_servers_own_backend_does() {
        // given the same documents, string ids and others, in the views file and in the server's memory backend
        List<Document> documents = new ArrayList<>();
        IntStream.range(0, 300).forEach(i -> documents.add(new Document("_id", "o-" + i).append("n", i % 17)));
        IntStream.range(0, 20).forEach(i -> documents.add(new Document("_id", i).append("n", i)));
        documents.add(new Document("_id", 7.5).append("n", -1).append("note", "a double among the integers"));
        Function<com.mongodb.client.MongoDatabase, List<List<Document>>> askEverything = views -> {
            MongoCollection<Document> states = views.getCollection("states");
            states.insertMany(documents.stream().map(Document::new).toList());
            states.replaceOne(Filters.eq("_id", "o-3"), new Document("_id", "o-3").append("n", 99));
            states.updateOne(Filters.eq("_id", "o-4"), Updates.inc("n", 1000));
            states.deleteOne(Filters.in("_id", List.of("o-5", "absent")));
            List<List<Document>> answers = new ArrayList<>();
            Random random = new Random(5);
            for (int round = 0; round < 200; round++) {
                // when it is asked by one id, by lists of ids (absent, repeated, of other types), and more
                List<Object> ids = new ArrayList<>();
                for (int i = random.nextInt(40); i > 0; i--) {
                    ids.add(switch (random.nextInt(10)) {
                        case 0 -> "absent-" + random.nextInt(3);
                        case 1 -> random.nextInt(25);
                        case 2 -> 7.5;
                        default -> "o-" + random.nextInt(320);
                    });
                }
                Bson query = switch (round % 5) {
                    case 0 -> Filters.eq("_id", ids.isEmpty() ? "o-1" : ids.get(0));
                    case 1, 2 -> Filters.in("_id", ids);
                    case 3 -> Filters.and(Filters.in("_id", ids), Filters.eq("n", random.nextInt(17)));
                    default -> Filters.in("_id", ids.stream().filter(String.class::isInstance).toList());
                };
                answers.add(states.find(query).sort(Sorts.ascending("n", "_id")).into(new ArrayList<>()));
                answers.add(states.find(query).projection(new Document("n", 1)).skip(1).limit(3)
                        .sort(Sorts.descending("_id")).into(new ArrayList<>()));
            }
            answers.add(List.of(states.updateMany(Filters.in("_id", List.of("o-6", "o-7", "absent")),
                    Updates.set("n", 5)).getModifiedCount()).stream().map(count -> new Document("count", count))
                    .toList());
            answers.add(states.find(Filters.eq("n", 5)).sort(Sorts.ascending("_id")).into(new ArrayList<>()));
            return answers;
        };

        List<List<Document>> compact = new ArrayList<>();
        withServer(H2Views.open(directory.resolve("views.mv"), 16), views -> compact.addAll(askEverything.apply(views)));
        List<List<Document>> reference = new ArrayList<>();
        withServer(new MemoryBackend(), views -> reference.addAll(askEverything.apply(views)));

        // then every answer is the reference's, and the questions found something
        assertThat(compact).isEqualTo(reference);
        assertThat(compact.stream().filter(answer -> !answer.isEmpty()).count()).isGreaterThan(250);
    }
}
