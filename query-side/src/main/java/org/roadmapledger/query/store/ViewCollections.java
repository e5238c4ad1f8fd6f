package org.roadmapledger.query.store;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/** What the projections share: how they write their documents, and emptying their collections before a replay. */
public final class ViewCollections {

    private ViewCollections() {
    }

    /**
     * How the projections write, their documents and their tokens: acknowledged once applied, without waiting for
     * the journal. A MongoDB journals in order, so a crash loses a suffix of these writes, a token with the
     * documents before it, and the events are delivered again; the embedded server commits them within 100 ms
     * (DurableBackend). A repair's write (the reconciliation, a gap filled on demand) lost that way is redone by
     * the next reconciliation. Why: the embedded server committed every write to its file, and the projections
     * write five documents and two tokens an event (figures in benchmarks/README.md).
     */
    public static final WriteConcern PROJECTION_WRITES = WriteConcern.W1.withJournal(false);

    /** The collection, written as the projections write ({@link #PROJECTION_WRITES}). */
    public static MongoCollection<Document> forProjection(MongoTemplate mongo, String collection) {
        return mongo.getCollection(collection).withWriteConcern(PROJECTION_WRITES);
    }

    /**
     * Drops those of the collections that exist. Dropping one that does not (a view never written, or a layout
     * of an older version) is refused by MongoDB with "ns not found", which the embedded server logs as an error.
     */
    public static void drop(MongoTemplate mongo, List<String> collections) {
        for (String collection : collections) {
            if (mongo.collectionExists(collection)) {
                mongo.dropCollection(collection);
            }
        }
    }
}
