package org.roadmapledger.query.objective.versions;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A slice that changes often keeps its document small: its oldest settled versions move out into archive documents,
 * and a read at a viewpoint older than every version left in the document finds its version there.
 */
class SliceArchiveTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** A slice changed by events 0..n-1, each closing the version before it; the last one open. */
    private static SliceVersions changedTimes(int n) {
        SliceVersions slice = SliceVersions.empty("o", LocalDate.parse("2026-01-01"));
        for (int sequence = 0; sequence < n; sequence++) {
            Instant at = T0.plusSeconds(60L * sequence);
            if (sequence > 0) {
                slice = slice.closedBy(sequence, at);
            }
            slice = slice.with(new SliceVersions.Entry(sequence, ObjectiveVersion.OPEN_SEQUENCE, at,
                    ObjectiveVersion.OPEN_INSTANT, null));
        }
        return slice;
    }

    @Test
    void moves_out_settled_versions_by_whole_chunks_once_twice_a_chunk_are_settled() {
        SliceVersions slice = changedTimes(10);
        List<Document> archives = new ArrayList<>();

        // versions 0..6 are closed by events 1..7, settled up to the position 7; 7 of them, a chunk of 4: not yet
        assertThat(slice.archive(6, 4, archives)).isSameAs(slice);
        assertThat(archives).isEmpty();

        // settled up to 8: versions 0..7, two chunks' worth; the oldest chunk moves out
        SliceVersions kept = slice.archive(8, 4, archives);
        assertThat(archives).hasSize(1);
        assertThat(archives.get(0).getString("_id")).isEqualTo("o#2026-01-01~0");
        assertThat(archives.get(0).getList("versions", Document.class)).hasSize(4);
        assertThat(kept.entries()).extracting(SliceVersions.Entry::knownFrom).containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(kept.archived()).containsExactly(new SliceVersions.Archived("o#2026-01-01~0", T0));
        assertThat(SliceVersions.from(kept.toDocument())).isEqualTo(kept);
    }

    @Test
    void never_moves_out_a_version_closed_beyond_the_position_which_a_redelivery_may_undo() {
        List<Document> archives = new ArrayList<>();

        SliceVersions kept = changedTimes(10).archive(-1, 1, archives);

        assertThat(kept.entries()).hasSize(10);
        assertThat(archives).isEmpty();
    }

    @Test
    void a_viewpoint_older_than_every_version_left_is_read_in_the_archive_that_holds_it() {
        List<Document> archives = new ArrayList<>();
        SliceVersions kept = changedTimes(20).archive(19, 4, archives);
        assertThat(archives).as("12 of the 19 settled versions, at least a chunk of them kept").hasSize(3);

        // known at 00:05:30: version 5, in the second archive
        Instant asOf = T0.plusSeconds(330);
        String holding = kept.archiveHolding(asOf, 19).orElseThrow();
        SliceVersions archive = SliceVersions.from(archives.stream().filter(a -> a.getString("_id").equals(holding))
                .findFirst().orElseThrow());
        assertThat(archive.knownAt(asOf, 19)).map(SliceVersions.Entry::knownFrom).contains(5L);

        // a viewpoint the document's own versions answer needs no archive, nor one before the first version
        assertThat(kept.archiveHolding(T0.plusSeconds(60 * 19), 19)).isEmpty();
        assertThat(kept.archiveHolding(T0.minusSeconds(1), 19)).isEmpty();
    }
}
