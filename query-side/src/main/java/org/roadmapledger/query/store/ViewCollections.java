package org.roadmapledger.query.store;

import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.List;

/** What the projections' reset handlers share: emptying their collections before a replay. */
public final class ViewCollections {

    private ViewCollections() {
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
