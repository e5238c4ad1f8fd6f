package org.roadmapledger.query.reconciliation;

import org.bson.Document;
import org.roadmapledger.query.history.HistoryEntry;
import org.roadmapledger.query.objective.ObjectivePosition;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Compares the event store with the views, a page of objectives at a time: per page one read of the store, one of
 * the objective positions and one aggregation counting history entries, whatever the page size. The views are
 * read by the page's id range rather than by a list of ids: an index range scan in MongoDB, and on the embedded
 * MongoDB-wire server a scan that does not test every document against a thousand values (10,000 objectives
 * compared in 2.7 s instead of 20.9 s, ReconciliationScaleIT on a loaded 2-core machine). The range is taken in
 * Java's order, which for the ASCII ids the ledger allows is MongoDB's, whatever the collation PostgreSQL sorted
 * the page with; ids outside the page are ignored.
 */
class DriftFinder {

    /** An objective whose views lack events the store has. */
    record Drift(String objectiveId, long storeSequence, long viewSequence, long historyEntries) {

        boolean versionsBehind() {
            return viewSequence < storeSequence;
        }

        boolean historyIncomplete() {
            return historyEntries < storeSequence + 1;
        }
    }

    record Scan(long objectivesChecked, int pages, List<Drift> drifting) {
    }

    private final StoredObjectives store;
    private final MongoTemplate mongo;

    DriftFinder(StoredObjectives store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    Scan scan(int pageSize) {
        List<Drift> drifting = new ArrayList<>();
        long checked = 0;
        int pages = 0;
        String after = "";
        while (true) {
            List<StoredObjectives.Stored> page = store.page(after, pageSize);
            if (page.isEmpty()) {
                break;
            }
            pages++;
            checked += page.size();
            List<String> ids = page.stream().map(StoredObjectives.Stored::objectiveId).toList();
            String first = ids.stream().min(String::compareTo).orElseThrow();
            String last = ids.stream().max(String::compareTo).orElseThrow();
            Map<String, Long> positions = positions(first, last);
            Map<String, Long> entries = historyEntries(first, last);
            for (StoredObjectives.Stored stored : page) {
                Drift drift = new Drift(stored.objectiveId(), stored.lastSequence(),
                        positions.getOrDefault(stored.objectiveId(), -1L),
                        entries.getOrDefault(stored.objectiveId(), 0L));
                if (drift.versionsBehind() || drift.historyIncomplete()) {
                    drifting.add(drift);
                }
            }
            if (page.size() < pageSize) {
                break;
            }
            after = ids.get(ids.size() - 1);
        }
        return new Scan(checked, pages, drifting);
    }

    private Map<String, Long> positions(String first, String last) {
        Map<String, Long> positions = new HashMap<>();
        Query range = Query.query(where("_id").gte(first).lte(last));
        for (ObjectivePosition position : mongo.find(range, ObjectivePosition.class)) {
            positions.put(position.objectiveId(), position.lastSequence());
        }
        return positions;
    }

    private Map<String, Long> historyEntries(String first, String last) {
        Aggregation count = Aggregation.newAggregation(
                Aggregation.match(where("objectiveId").gte(first).lte(last)),
                Aggregation.group("objectiveId").count().as("entries"));
        Map<String, Long> entries = new HashMap<>();
        for (Document row : mongo.aggregate(count, HistoryEntry.COLLECTION, Document.class)) {
            entries.put(row.getString("_id"), ((Number) row.get("entries")).longValue());
        }
        return entries;
    }
}
