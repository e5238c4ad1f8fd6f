package org.roadmapledger.query.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

import java.util.List;

/**
 * Writes documents that never change once written (a version's state, an audit entry): inserted, and where one
 * with the same {@code _id} exists already (an event delivered again writes the same document), left as it is.
 * An insert costs the MongoDB-wire server a fraction of what a replacing upsert costs (no query, no update).
 */
public final class ImmutableDocuments {

    private static final InsertManyOptions UNORDERED = new InsertManyOptions().ordered(false);

    private ImmutableDocuments() {
    }

    public static void insert(MongoCollection<Document> collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        try {
            collection.insertMany(documents, UNORDERED);
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            if (e.getWriteConcernError() != null) {
                throw e;
            }
        }
    }
}
