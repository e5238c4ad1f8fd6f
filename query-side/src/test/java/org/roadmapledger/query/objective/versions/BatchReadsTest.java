package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.objective.RecordedEvent;
import org.roadmapledger.query.objective.RandomHistories;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of events of many objectives reads what it needs before its first event, one request per collection,
 * instead of a few requests per objective; and writes exactly what a batch reading as it goes writes.
 */
class BatchReadsTest {

    private static final int OBJECTIVES = 40;

    @Test
    void a_batch_reads_its_documents_in_one_request_per_collection_and_writes_the_same_documents() {
        // given the views of 40 objectives after 30 events each, and a batch with their next 10 events each
        List<List<RecordedEvent>> histories = new ArrayList<>();
        for (long seed = 1; histories.size() < OBJECTIVES; seed++) {
            List<RecordedEvent> history = RandomHistories.generate("b-" + seed, seed, 200);
            if (history.size() >= 40) {
                histories.add(history);
            }
        }
        CountingDocuments readingAhead = new CountingDocuments();
        CountingDocuments readingAsNeeded = new CountingDocuments();
        for (InMemoryDocuments documents : List.of(readingAhead, readingAsNeeded)) {
            ViewBatch earlier = new ViewBatch(documents);
            histories.forEach(history -> history.subList(0, 30).forEach(e -> apply(earlier, e)));
            earlier.flush();
        }
        List<RecordedEvent> next = new ArrayList<>();
        for (int event = 30; event < 40; event++) {
            for (List<RecordedEvent> history : histories) {
                next.add(history.get(event));
            }
        }
        readingAhead.finds = 0;
        readingAsNeeded.finds = 0;

        // when
        ViewBatch ahead = new ViewBatch(readingAhead);
        ahead.prefetch(next.stream().map(RecordedEvent::message).toList());
        next.forEach(e -> apply(ahead, e));
        ahead.flush();
        ViewBatch asNeeded = new ViewBatch(readingAsNeeded);
        next.forEach(e -> apply(asNeeded, e));
        asNeeded.flush();

        // then
        assertThat(readingAhead.collections).isEqualTo(readingAsNeeded.collections);
        assertThat(readingAsNeeded.finds).isGreaterThan(2 * OBJECTIVES);
        assertThat(readingAhead.finds).isLessThanOrEqualTo(5); // positions, slices, states, milestone lists, recordings
    }

    private static void apply(ViewBatch batch, RecordedEvent e) {
        batch.apply(e.event().objectiveId().value(), e.sequence(), e.recordedAt(), e.event());
    }

    /** Counts the requests that read documents. */
    private static final class CountingDocuments extends InMemoryDocuments {

        private int finds;

        @Override
        public Map<String, Document> find(String collection, Collection<String> ids) {
            if (!ids.isEmpty()) {
                finds++;
            }
            return super.find(collection, ids);
        }
    }
}
