package org.roadmapledger.command.proof;

import com.fasterxml.jackson.databind.JsonNode;
import org.roadmapledger.platform.proof.EventRows;
import org.roadmapledger.proof.Canonical;
import org.roadmapledger.proof.Sha256;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hash of an aggregate's last stored event, which its next event links to. Remembered only once committed:
 * a rolled-back append leaves nothing here, and an entry is used only for the sequence right after it, so a stale
 * entry is never read (another writer's append makes the sequence move on and the store is asked).
 */
class ChainHeads {

    record Link(long sequence, String hash) {
    }

    private static final int REMEMBERED = 50_000;

    private final JdbcTemplate jdbc;
    private final Map<String, Link> last = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
                    return size() > REMEMBERED;
                }
            });

    ChainHeads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The hash the event at {@code sequence} links to. */
    String hashBefore(String aggregateId, long sequence) {
        if (sequence == 0) {
            return Sha256.NO_PREVIOUS;
        }
        Link link = last.get(aggregateId);
        if (link != null && link.sequence() == sequence - 1) {
            return link.hash();
        }
        List<String> hashes = jdbc.query("SELECT e.meta_data, b.hash FROM domain_event_entry e "
                        + "LEFT JOIN event_chain_backfill b ON b.global_index = e.global_index "
                        + "WHERE e.aggregate_identifier = ? AND e.sequence_number = ?",
                (row, n) -> {
                    byte[] meta = row.getBytes(1);
                    JsonNode hash = meta == null ? null : Canonical.parse(meta).get(EventRows.HASH);
                    return hash != null ? hash.asText() : row.getString(2);
                }, aggregateId, sequence - 1);
        if (hashes.isEmpty() || hashes.get(0) == null) {
            // an event written around the chain (another writer, or SQL): link to nothing rather than refuse the
            // command; verification names the unchained event
            return Sha256.NO_PREVIOUS;
        }
        return hashes.get(0);
    }

    void remember(Map<String, Link> committed) {
        last.putAll(committed);
    }
}
