package org.roadmapledger.platform.proof;

import com.fasterxml.jackson.databind.JsonNode;
import org.roadmapledger.api.proof.LedgerSealed;
import org.roadmapledger.proof.Canonical;
import org.roadmapledger.proof.Seal;
import org.roadmapledger.proof.SealHead;
import org.roadmapledger.proof.SealStatement;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Seals as stored: their events (the signed statements) and their heads. */
public final class SealRows {

    private final JdbcTemplate jdbc;

    public SealRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every seal's statement and signature, oldest first, without heads. */
    public List<Seal> statements() {
        List<Seal> seals = new ArrayList<>();
        jdbc.query("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                row -> {
                    JsonNode payload = Canonical.parse(row.getBytes("payload"));
                    seals.add(new Seal(SealStatement.from(payload), Canonical.text(payload, "signature"),
                            List.of()));
                }, LedgerSealed.SEALS);
        return seals;
    }

    public Optional<Seal> statement(String sealId) {
        return statements().stream().filter(seal -> seal.statement().sealId().equals(sealId)).findFirst();
    }

    /** The seal with its heads, in the tree's order. */
    public Seal withHeads(Seal seal) {
        return new Seal(seal.statement(), seal.signature(), heads(seal.statement().sealId()));
    }

    public List<SealHead> heads(String sealId) {
        return jdbc.query("SELECT aggregate_type, aggregate_identifier, sequence_number, hash FROM seal_head "
                        + "WHERE seal_id = ? ORDER BY leaf_index",
                (row, n) -> new SealHead(row.getString(1), row.getString(2), row.getLong(3), row.getString(4)),
                sealId);
    }

    /** One aggregate's head in a seal, with its leaf index. */
    public Optional<IndexedHead> head(String sealId, String aggregateId) {
        return jdbc.query("SELECT leaf_index, aggregate_type, aggregate_identifier, sequence_number, hash "
                        + "FROM seal_head WHERE seal_id = ? AND aggregate_identifier = ?",
                (row, n) -> new IndexedHead(row.getInt(1), new SealHead(row.getString(2), row.getString(3),
                        row.getLong(4), row.getString(5))), sealId, aggregateId).stream().findFirst();
    }

    public record IndexedHead(int leafIndex, SealHead head) {
    }
}
