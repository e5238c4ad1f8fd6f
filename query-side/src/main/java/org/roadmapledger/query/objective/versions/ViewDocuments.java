package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.objective.fold.MilestoneState;
import org.bson.Document;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the documents of the objective views live. Every read and write names its documents by {@code _id}:
 * the one access that is fast on any MongoDB, and the only one the embedded MongoDB-wire server serves from an
 * index (it ignores secondary indexes).
 */
interface ViewDocuments {

    /** The documents of that collection with those ids, by id; missing ones are absent. */
    Map<String, Document> find(String collection, Collection<String> ids);

    /** Writes each document whole, under its {@code _id}, inserting those that do not exist yet. */
    void replace(String collection, List<Document> documents);

    /** Writes documents that never change: each one unless a document with its {@code _id} exists already. */
    void insertOnce(String collection, List<Document> documents);

    /** Lists newly defined objectives in the directory of their roadmap. */
    void enroll(List<DirectoryEntry> objectives);

    /** The positions of those objectives, decoded, to be read and never changed; missing ones are absent. */
    default Map<String, ObjectivePosition> positionsOf(Collection<String> objectiveIds) {
        Map<String, ObjectivePosition> timelines = new HashMap<>();
        find(ObjectivePosition.COLLECTION, objectiveIds).forEach((id, document) -> timelines.put(id, ObjectivePosition.from(document)));
        return timelines;
    }

    /** The milestone lists with those ids (immutable lists); missing ones are absent. */
    default Map<String, List<MilestoneState>> milestoneLists(Collection<String> ids) {
        Map<String, List<MilestoneState>> lists = new HashMap<>();
        find(MilestoneLists.COLLECTION, ids).forEach((id, document) -> lists.put(id, MilestoneLists.from(document)));
        return lists;
    }
}
