package org.roadmapledger.query.history;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which of an objective's history entries exist, found by their computed ids ({@link HistoryEntry#id}): lookups by
 * {@code _id}, never a scan of the history (the embedded MongoDB-wire server scans for anything else, and at
 * 1,000,000 entries a scan per reconciliation page ran the standalone out of memory).
 */
public final class HistoryContiguity {

    /** The head's field: every entry from sequence 0 to this one exists. */
    public static final String FIELD = "contiguousThrough";
    private static final int IDS_PER_REQUEST = 1000;

    private HistoryContiguity() {
    }

    /** The sequence numbers in {@code [from, to]} whose entries exist. */
    public static Set<Long> present(MongoCollection<Document> entries, String objectiveId, long from, long to) {
        Set<Long> present = new HashSet<>();
        for (long start = from; start <= to; start += IDS_PER_REQUEST) {
            List<String> ids = new ArrayList<>();
            for (long s = start; s <= Math.min(to, start + IDS_PER_REQUEST - 1); s++) {
                ids.add(HistoryEntry.id(objectiveId, s));
            }
            for (Document found : entries.find(Filters.in("_id", ids)).projection(Projections.include("sequence"))) {
                present.add(((Number) found.get("sequence")).longValue());
            }
        }
        return present;
    }

    /** How far the entries run without a gap from {@code through + 1} on, looking no further than {@code last}. */
    static long extend(MongoCollection<Document> entries, String objectiveId, long through, long last) {
        if (last <= through) {
            return through;
        }
        Set<Long> present = present(entries, objectiveId, through + 1, last);
        long next = through + 1;
        while (present.contains(next)) {
            next++;
        }
        return next - 1;
    }

    /** The head's {@link #FIELD}, or -1 when the head is absent or older than the field. */
    public static long of(Document head) {
        return head != null && head.get(FIELD) instanceof Number through ? through.longValue() : -1;
    }
}
