package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.objective.ReferenceFold;
import org.roadmapledger.query.objective.RecordedEvent;
import org.roadmapledger.query.objective.RandomHistories;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No transaction spans the writes of a batch of events. A process that dies after writing some of a batch's
 * documents but before its positions leaves documents of events beyond the positions; the processor then
 * delivers those events again. On seeded random histories split into random batches, with the crash after a
 * random number of writes of a random batch: reads meanwhile answer as before the batch, and applying the events
 * again gives, document for document, what a run without a crash gives, whether a batch reads its documents ahead
 * ({@link ViewBatch#prefetch}) or as its events need them. And deterministically: a crash after each write of each
 * batch in turn, the events delivered again, leaves views equal to the fold of the events (DESIGN.md's definition).
 */
class CrashRecoveryTest {

    @Test
    void applying_a_batch_again_after_a_crash_between_its_writes_gives_the_documents_of_a_run_without_one() {
        for (long seed = 1; seed <= 200; seed++) {
            // given
            Random random = new Random(seed);
            List<RecordedEvent> history = RandomHistories.generate("c-" + seed, seed, 40);
            List<List<RecordedEvent>> batches = split(history, random);
            int crashing = random.nextInt(batches.size());
            InMemoryDocuments withoutCrash = new InMemoryDocuments();
            batches.forEach(batch -> apply(withoutCrash, batch));
            InMemoryDocuments beforeTheCrashingBatch = new InMemoryDocuments();
            batches.subList(0, crashing).forEach(batch -> apply(beforeTheCrashingBatch, batch));
            CrashingDocuments documents = new CrashingDocuments();
            batches.subList(0, crashing).forEach(batch -> apply(documents, batch));

            // when the process dies before the batch's positions are written
            documents.crashAfter(1 + random.nextInt(4));
            assertThatThrownBy(() -> apply(documents, batches.get(crashing))).isInstanceOf(IllegalStateException.class);

            // then reads ignore what it left
            String objectiveId = "c-" + seed;
            for (int i = 0; i < 20; i++) {
                Instant asOf = pick(random, RandomHistories.interestingInstants(history));
                LocalDate validAt = pick(random, RandomHistories.interestingDates(history));
                assertThat(found(documents, objectiveId, asOf, validAt)).as("seed " + seed + " at " + asOf + ", "
                        + validAt).isEqualTo(found(beforeTheCrashingBatch, objectiveId, asOf, validAt));
            }

            // when the events are delivered again from the position on
            documents.recover();
            batches.subList(crashing, batches.size()).forEach(batch -> apply(documents, batch));

            // then
            assertThat(documents.collections).as("seed " + seed).isEqualTo(withoutCrash.collections);
        }
    }

    @Test
    void a_crash_after_any_write_of_any_batch_leaves_views_that_redelivery_makes_equal_to_the_fold_of_the_events() {
        for (long seed = 1; seed <= 12; seed++) {
            // given three objectives' seeded histories, interleaved as the store orders them, in batches
            Random random = new Random(seed);
            List<List<RecordedEvent>> histories = new ArrayList<>();
            List<RecordedEvent> interleaved = new ArrayList<>();
            for (int objective = 0; objective < 3; objective++) {
                histories.add(RandomHistories.generate("w-" + seed + "-" + objective, seed * 10 + objective, 25));
            }
            histories.stream().flatMap(List::stream).sorted(java.util.Comparator.comparing(RecordedEvent::recordedAt))
                    .forEach(interleaved::add);
            List<List<RecordedEvent>> batches = split(interleaved, random);

            for (int crashing = 0; crashing < batches.size(); crashing++) {
                int writes = writesOf(batches, crashing);
                for (int k = 1; k < writes; k++) {
                    // when the process dies after the k-th write of that batch, and processing restarts
                    CrashingDocuments documents = new CrashingDocuments();
                    batches.subList(0, crashing).forEach(batch -> apply(documents, batch));
                    documents.crashAfter(k);
                    List<RecordedEvent> dying = batches.get(crashing);
                    assertThatThrownBy(() -> apply(documents, dying)).isInstanceOf(IllegalStateException.class);
                    documents.recover();
                    batches.subList(crashing, batches.size()).forEach(batch -> apply(documents, batch));

                    // then every objective's view is the fold of its events, at every viewpoint tried
                    for (List<RecordedEvent> history : histories) {
                        assertFoldOfItsEvents(documents, history, random,
                                "seed " + seed + ", batch " + crashing + ", after write " + k);
                    }
                }
            }
        }
    }

    // how many writes a batch makes on the documents the batches before it left
    private static int writesOf(List<List<RecordedEvent>> batches, int index) {
        CrashingDocuments counting = new CrashingDocuments();
        batches.subList(0, index).forEach(batch -> apply(counting, batch));
        int before = counting.writes;
        apply(counting, batches.get(index));
        return counting.writes - before;
    }

    private static void assertFoldOfItsEvents(InMemoryDocuments documents, List<RecordedEvent> history,
                                              Random random, String where) {
        String objectiveId = history.get(0).event().objectiveId().value();
        for (int i = 0; i < 8; i++) {
            Instant asOf = pick(random, RandomHistories.interestingInstants(history));
            LocalDate validAt = pick(random, RandomHistories.interestingDates(history));
            FoundVersion found = ViewReader.at(documents, List.of(objectiveId), asOf, validAt, true)
                    .get(objectiveId);
            assertThat(java.util.Optional.ofNullable(found)
                    .map(f -> SliceFoldingPropertyTest.actual(f.version(), f.versionNumber())))
                    .as(where + ", " + objectiveId + " at " + asOf + ", " + validAt)
                    .isEqualTo(ReferenceFold.at(history, asOf, validAt));
        }
    }

    // half of the batches read their documents ahead, as the processor's batches do; the other half as a repair
    // does; settled versions move out into archives as early as they can (chunks of one)
    private static void apply(InMemoryDocuments documents, List<RecordedEvent> events) {
        ViewBatch batch = new ViewBatch(documents, 1);
        if (events.get(0).sequence() % 2 == 0) {
            batch.prefetch(events.stream().map(RecordedEvent::message).toList());
        }
        for (RecordedEvent e : events) {
            String objectiveId = e.event().objectiveId().value();
            if (e.sequence() > batch.lastSequence(objectiveId)) {
                batch.apply(objectiveId, e.sequence(), e.recordedAt(), e.event());
            }
        }
        batch.flush();
    }

    private static List<FoundVersion> found(InMemoryDocuments documents, String objectiveId, Instant asOf,
                                                LocalDate validAt) {
        return List.copyOf(ViewReader.at(documents, List.of(objectiveId), asOf, validAt, true).values());
    }

    private static List<List<RecordedEvent>> split(List<RecordedEvent> history, Random random) {
        List<List<RecordedEvent>> batches = new ArrayList<>();
        for (int from = 0; from < history.size(); ) {
            int to = Math.min(history.size(), from + 1 + random.nextInt(6));
            batches.add(history.subList(from, to));
            from = to;
        }
        return batches;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Documents whose writes fail from the n-th on, as if the process had died there. */
    private static final class CrashingDocuments extends InMemoryDocuments {

        private int writesLeft = Integer.MAX_VALUE;
        int writes;

        void crashAfter(int writes) {
            writesLeft = writes;
        }

        void recover() {
            writesLeft = Integer.MAX_VALUE;
        }

        @Override
        public void replace(String collection, List<Document> documents) {
            write();
            super.replace(collection, documents);
        }

        @Override
        public void insertOnce(String collection, List<Document> documents) {
            write();
            super.insertOnce(collection, documents);
        }

        @Override
        public void enroll(List<DirectoryEntry> objectives) {
            write();
            super.enroll(objectives);
        }

        private void write() {
            writes++;
            if (writesLeft-- <= 0) {
                throw new IllegalStateException("the process died");
            }
        }
    }
}
