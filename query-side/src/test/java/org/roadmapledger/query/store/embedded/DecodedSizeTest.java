package org.roadmapledger.query.store.embedded;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What the views' page cache counts for a document is the heap the document holds once decoded, as OpenJDK's
 * object layout tool measures it, within a tenth: the cache then keeps to the size it is given.
 */
class DecodedSizeTest {

    private static final Instant RECORDED = Instant.parse("2026-12-07T10:52:22.704Z");

    private final BsonEncoding encoding = new BsonEncoding();
    private final Random random = new Random(7);

    @Test
    void a_state_document_of_short_fields_is_counted_as_it_lies_on_the_heap() {
        Object decoded = decodedCopyOf(state("1.01"));

        assertThat((double) encoding.documentMemory(decoded))
                .isCloseTo(GraphLayout.parseInstance(decoded).totalSize(), within(tenthOf(decoded)));
    }

    @Test
    void a_slice_of_hundreds_of_versions_is_counted_as_it_lies_on_the_heap() {
        Document slice = new Document("_id", "1.01|2026").append("objectiveId", "1.01");
        List<Object> versions = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            versions.add(new Document("from", RECORDED.plusSeconds(i)).append("until", RECORDED.plusSeconds(i + 1))
                    .append("version", (long) i).append("state", state("1.01")));
        }
        slice.append("versions", versions).append("archives", List.of("1.01|2026|0", "1.01|2026|1"));
        Object decoded = decodedCopyOf(slice);

        assertThat((double) encoding.documentMemory(decoded))
                .isCloseTo(GraphLayout.parseInstance(decoded).totalSize(), within(tenthOf(decoded)));
    }

    @Test
    void text_beyond_latin_1_counts_two_bytes_a_character() {
        Object decoded = decodedCopyOf(new Document("_id", "x").append("comment", "Œuvre “commune” — 進捗 ".repeat(40)));

        assertThat((double) encoding.documentMemory(decoded))
                .isCloseTo(GraphLayout.parseInstance(decoded).totalSize(), within(tenthOf(decoded)));
    }

    private Document state(String objectiveId) {
        return new Document("_id", objectiveId).append("roadmapId", "fr-digital-health-2023-2027")
                .append("axis", "1").append("priority", "1.P1")
                .append("title", "Renforcer la gouvernance du numérique en santé " + random.nextInt(1000))
                .append("status", "ON_TRACK").append("progressPercent", random.nextInt(101))
                .append("sponsor", "ANS").append("titleProvisional", false)
                .append("effectiveOn", "2025-0" + (1 + random.nextInt(9)) + "-15").append("recordedAt", RECORDED)
                .append("version", (long) random.nextInt(5000))
                .append("milestones", List.of(
                        new Document("milestoneId", "M1").append("dueOn", "2026-03-31").append("achieved", true),
                        new Document("milestoneId", "M2").append("dueOn", "2027-06-30").append("achieved", false)));
    }

    /** The document as the cache holds it: read back from the bytes the store writes. */
    private Object decodedCopyOf(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        encoding.writeDocument(buffer, document);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        return encoding.readDocument(bytes);
    }

    private static double tenthOf(Object decoded) {
        return GraphLayout.parseInstance(decoded).totalSize() / 10.0;
    }
}
