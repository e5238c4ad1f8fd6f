package org.roadmapledger.query.reconciliation;

import org.bson.Document;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.roadmapledger.query.history.HistoryContiguity;
import org.roadmapledger.query.history.HistoryHead;
import org.roadmapledger.query.objective.versions.ObjectiveVersionStore;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the event store with the views, a page of objectives at a time: per page one read of the store, one of
 * the objective positions and one of the history heads, both by the page's ids ({@code _id $in}: lookups, on the
 * embedded MongoDB-wire server too). A history is complete when its entries run without a gap to the store's last
 * sequence ({@link HistoryContiguity}). Counting entries instead, by an aggregation over the history, scanned the
 * whole history on the embedded server for every page, and at 1,000,000 entries ran the standalone out of memory.
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
            Map<String, Long> positions = positions(ids);
            Map<String, Long> entries = historyEntries(ids);
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

    private Map<String, Long> positions(List<String> ids) {
        Map<String, Long> positions = new HashMap<>();
        for (Document position : mongo.getCollection(ObjectiveVersionStore.POSITIONS).find(Filters.in("_id", ids))
                .projection(Projections.include("lastSequence"))) {
            positions.put(position.getString("_id"), ((Number) position.get("lastSequence")).longValue());
        }
        return positions;
    }

    // the entries from sequence 0 on without a gap: a hole left by a missed event counts as the end
    private Map<String, Long> historyEntries(List<String> ids) {
        Map<String, Long> entries = new HashMap<>();
        for (Document head : mongo.getCollection(HistoryHead.COLLECTION).find(Filters.in("_id", ids))
                .projection(Projections.include(HistoryContiguity.FIELD))) {
            entries.put(head.getString("_id"), HistoryContiguity.of(head) + 1);
        }
        return entries;
    }
}
