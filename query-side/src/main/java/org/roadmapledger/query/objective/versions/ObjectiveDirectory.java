package org.roadmapledger.query.objective.versions;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.roadmapledger.query.store.ViewCollections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which objectives exist, per roadmap, with their definition's date and recording instant: the list, its
 * {@code totalItems} and the roadmap tree start here instead of scanning positions. Collection
 * {@code objective_directory}: each roadmap's objectives are spread over {@link #CHUNKS} documents by a hash of
 * their id ({@code _id} {@code roadmapId#NN}), each array kept sorted by id, and one document ({@code _id}
 * {@code #roadmaps}) lists the roadmaps, sorted. Segments of the processor enroll objectives concurrently, so
 * every write is an atomic update of one document: an objective's entry is removed, then pushed back in order
 * (only its own segment enrolls it); a roadmap is added to the set, which is then sorted. Doing it again gives
 * the same documents.
 */
@Component
class ObjectiveDirectory {

    static final String COLLECTION = ObjectiveVersionStore.DIRECTORY;
    static final int CHUNKS = 64;
    private static final String ROADMAPS = "#roadmaps";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final MongoTemplate mongo;

    ObjectiveDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void enroll(List<DirectoryEntry> objectives) {
        if (objectives.isEmpty()) {
            return;
        }
        Map<String, List<DirectoryEntry>> byChunk = new LinkedHashMap<>();
        objectives.forEach(e -> byChunk.computeIfAbsent(chunkId(e.roadmapId(), e.objectiveId()),
                id -> new ArrayList<>()).add(e));
        List<WriteModel<Document>> writes = new ArrayList<>();
        List<String> roadmaps = objectives.stream().map(DirectoryEntry::roadmapId).distinct().toList();
        // several segments add roadmaps at once: add without duplicates, then sort, whatever comes in between
        writes.add(new UpdateOneModel<>(Filters.eq("_id", ROADMAPS),
                new Document("$addToSet", new Document("roadmaps", new Document("$each", roadmaps))), UPSERT));
        writes.add(new UpdateOneModel<>(Filters.eq("_id", ROADMAPS), new Document("$push",
                new Document("roadmaps", new Document("$each", List.of()).append("$sort", 1)))));
        byChunk.forEach((chunkId, entries) -> {
            List<String> ids = entries.stream().map(DirectoryEntry::objectiveId).toList();
            writes.add(new UpdateOneModel<>(Filters.eq("_id", chunkId), new Document("$pull",
                    new Document("objectives", new Document("id", new Document("$in", ids))))));
            writes.add(new UpdateOneModel<>(Filters.eq("_id", chunkId), new Document("$push",
                    new Document("objectives", new Document("$each", entries.stream().map(e -> new Document("id",
                            e.objectiveId()).append("on", e.definedOn().toString())
                            .append("at", Date.from(e.definedAt()))).toList())
                            .append("$sort", new Document("id", 1)))), UPSERT));
        });
        // written as the other view documents are (no journal): it was the one journaled write of a replay, and
        // its commits took the pages of every write before them: 7.0 -> 0.1 % of a replay's CPU samples (JFR, 200,000
        // events; benchmarks/results/2026-12-07-replay-profile.md)
        ViewCollections.forProjection(mongo, COLLECTION).bulkWrite(writes);
    }

    /** Every objective of these roadmaps, or of all roadmaps when null, sorted by id. */
    List<DirectoryEntry> entries(Collection<String> roadmapIds) {
        Collection<String> roadmaps = roadmapIds;
        if (roadmaps == null) {
            Document all = mongo.getCollection(COLLECTION).find(Filters.eq("_id", ROADMAPS)).first();
            roadmaps = all == null ? List.of() : all.getList("roadmaps", String.class);
        }
        List<String> chunkIds = new ArrayList<>();
        for (String roadmapId : roadmaps) {
            for (int chunk = 0; chunk < CHUNKS; chunk++) {
                chunkIds.add(chunkId(roadmapId, chunk));
            }
        }
        List<DirectoryEntry> entries = new ArrayList<>();
        if (chunkIds.isEmpty()) {
            return entries;
        }
        for (Document chunk : mongo.getCollection(COLLECTION).find(Filters.in("_id", chunkIds))) {
            String roadmapId = chunk.getString("_id").substring(0, chunk.getString("_id").lastIndexOf('#'));
            for (Document e : chunk.getList("objectives", Document.class)) {
                entries.add(new DirectoryEntry(e.getString("id"), roadmapId, LocalDate.parse(e.getString("on")),
                        e.getDate("at").toInstant()));
            }
        }
        entries.sort(Comparator.comparing(DirectoryEntry::objectiveId));
        return entries;
    }

    private static String chunkId(String roadmapId, String objectiveId) {
        return chunkId(roadmapId, Math.floorMod(objectiveId.hashCode(), CHUNKS));
    }

    private static String chunkId(String roadmapId, int chunk) {
        return roadmapId + "#" + (chunk < 10 ? "0" : "") + chunk;
    }
}
