package org.roadmapledger.query.store.embedded;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roadmapledger.query.store.embedded.H2ViewsTest.withServer;

/**
 * The views file keeps each document as its BSON bytes, decoded only when asked for: inserts, updates, replaces,
 * deletes, counts and natural order answer as the server's own backend does, across a restart.
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
}
