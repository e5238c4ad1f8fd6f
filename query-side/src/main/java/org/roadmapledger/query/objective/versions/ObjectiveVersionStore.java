package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.objective.fold.MilestoneState;
import org.roadmapledger.query.store.ViewCollections;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.annotation.PostConstruct;
import org.bson.Document;
import org.roadmapledger.query.store.ImmutableDocuments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The objective views in MongoDB, every document found and written by its {@code _id} (see {@link ViewBatch}
 * and {@link ViewReader} for what they hold). No secondary index is needed, so none is declared.
 */
@Component
public class ObjectiveVersionStore implements ViewDocuments {

    public static final String POSITIONS = "objective_positions";
    public static final String SLICES = "objective_slices";
    public static final String SLICE_ARCHIVE = "objective_slice_archive";
    public static final String STATES = "objective_states";
    public static final String MILESTONES = "objective_milestones";
    public static final String RECORDINGS = "objective_recordings";
    public static final String DIRECTORY = "objective_directory";
    /** Every collection of the objective views. */
    public static final List<String> COLLECTIONS = List.of(POSITIONS, SLICES, SLICE_ARCHIVE, STATES, MILESTONES,
            RECORDINGS, DIRECTORY);
    /** The collection of the layout before this one, one document per rectangle: dropped by a rebuild. */
    static final String PREVIOUS_LAYOUT = "objective_versions";
    // MongoDB takes far more, but a bounded $in keeps each request and answer small
    private static final int IDS_PER_REQUEST = 1000;
    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private static final Logger log = LoggerFactory.getLogger(ObjectiveVersionStore.class);

    private final MongoTemplate mongo;
    private final ObjectiveDirectory directory;
    private final ReadCache cache = new ReadCache();

    ObjectiveVersionStore(MongoTemplate mongo, ObjectiveDirectory directory) {
        this.mongo = mongo;
        this.directory = directory;
    }

    @PostConstruct
    void refuseThePreviousLayoutSilently() {
        if (mongo.collectionExists(PREVIOUS_LAYOUT)) {
            log.error("The views hold a collection {} of an earlier layout, which this version does not read: "
                    + "rebuild them by replaying the event store (see docs/architecture.md)", PREVIOUS_LAYOUT);
        }
    }

    /** The sequence number of the objective's last event in the views, -1 if none. */
    public long lastSequence(String objectiveId) {
        Document position = mongo.getCollection(ObjectivePosition.COLLECTION).find(Filters.eq("_id", objectiveId))
                .projection(new Document("lastSequence", 1)).first();
        return position == null ? -1 : ((Number) position.get("lastSequence")).longValue();
    }

    /** The ids of the objectives the views hold, in id order, after {@code afterId}: a page of at most size. */
    public List<String> objectiveIdsAfter(String afterId, int size) {
        List<String> ids = new ArrayList<>(size);
        for (Document position : mongo.getCollection(ObjectivePosition.COLLECTION).find(Filters.gt("_id", afterId))
                .projection(new Document("_id", 1)).sort(new Document("_id", 1)).limit(size)) {
            ids.add(position.getString("_id"));
        }
        return ids;
    }

    @Override
    public Map<String, Document> find(String collection, Collection<String> ids) {
        Map<String, Document> found = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            for (Document document : mongo.getCollection(collection).find(chunk.size() == 1
                    ? Filters.eq("_id", chunk.get(0)) : Filters.in("_id", chunk))) {
                found.put(document.getString("_id"), document);
            }
        }
        return found;
    }

    /** Reads each position's {@code lastSequence} alone, and the whole document only where the cache has another. */
    @Override
    public Map<String, ObjectivePosition> positionsOf(Collection<String> objectiveIds) {
        Map<String, ObjectivePosition> timelines = new HashMap<>();
        List<String> stale = new ArrayList<>();
        for (List<String> chunk : chunks(objectiveIds)) {
            for (Document position : mongo.getCollection(ObjectivePosition.COLLECTION).find(Filters.in("_id", chunk))
                    .projection(new Document("lastSequence", 1))) {
                String id = position.getString("_id");
                ObjectivePosition cached = cache.timeline(id, ((Number) position.get("lastSequence")).longValue());
                if (cached == null) {
                    stale.add(id);
                } else {
                    timelines.put(id, cached);
                }
            }
        }
        find(ObjectivePosition.COLLECTION, stale).forEach((id, document) -> {
            ObjectivePosition timeline = ObjectivePosition.from(document);
            cache.put(timeline);
            timelines.put(id, timeline);
        });
        return timelines;
    }

    @Override
    public Map<String, List<MilestoneState>> milestoneLists(Collection<String> ids) {
        Map<String, List<MilestoneState>> lists = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            List<MilestoneState> cached = cache.milestones(id);
            if (cached == null) {
                missing.add(id);
            } else {
                lists.put(id, cached);
            }
        }
        find(MilestoneLists.COLLECTION, missing).forEach((id, document) -> {
            List<MilestoneState> list = MilestoneLists.from(document);
            cache.putMilestones(id, list);
            lists.put(id, list);
        });
        return lists;
    }

    @Override
    public void replace(String collection, List<Document> documents) {
        if (documents.isEmpty()) {
            return;
        }
        List<ReplaceOneModel<Document>> writes = new ArrayList<>(documents.size());
        for (Document document : documents) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, UPSERT));
        }
        ViewCollections.forProjection(mongo, collection).bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    @Override
    public void insertOnce(String collection, List<Document> documents) {
        ImmutableDocuments.insert(ViewCollections.forProjection(mongo, collection), documents);
    }

    @Override
    public void enroll(List<DirectoryEntry> objectives) {
        directory.enroll(objectives);
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = ids.stream().distinct().toList();
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IDS_PER_REQUEST) {
            chunks.add(all.subList(from, Math.min(all.size(), from + IDS_PER_REQUEST)));
        }
        return chunks;
    }

    /** Empties the views, those of the previous layout included. */
    void deleteAll() {
        cache.clear();
        ViewCollections.drop(mongo, COLLECTIONS);
        ViewCollections.drop(mongo, List.of(PREVIOUS_LAYOUT));
    }
}
