package org.roadmapledger.command.proof;

import org.roadmapledger.api.proof.LedgerSealed;
import org.roadmapledger.platform.proof.EventRows;
import org.roadmapledger.proof.Canonical;
import org.roadmapledger.proof.MerkleTree;
import org.roadmapledger.proof.Seal;
import org.roadmapledger.proof.SealHead;
import org.roadmapledger.proof.SealKey;
import org.roadmapledger.proof.SealStatement;
import org.roadmapledger.proof.Sha256;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Takes a seal inside the sealing command's transaction: reads every aggregate's head in one statement (one
 * snapshot of the table, so a consistent cut: a head is a committed event, and an aggregate's later events are not
 * in it), roots them in a Merkle tree, signs the statement and writes the heads beside the seal's event. Events
 * committed while the seal is taken belong to the next one.
 */
public class SealMaker {

    /**
     * Each aggregate's last event, with its hash from its metadata or from the start-up chaining. PostgreSQL's
     * DISTINCT ON walks the (aggregate, sequence) index once.
     */
    private static final String HEADS = "SELECT h.type, h.aggregate_identifier, h.sequence_number, h.global_index, "
            + "h.meta_data, b.hash AS start_up_hash FROM (SELECT DISTINCT ON (aggregate_identifier) type, "
            + "aggregate_identifier, sequence_number, global_index, meta_data FROM domain_event_entry "
            + "ORDER BY aggregate_identifier, sequence_number DESC) h "
            + "LEFT JOIN event_chain_backfill b ON b.global_index = h.global_index";

    private final JdbcTemplate jdbc;
    private final SealKeyring keyring;
    private final Clock clock;

    SealMaker(JdbcTemplate jdbc, SealKeyring keyring, Clock clock) {
        this.jdbc = jdbc;
        this.keyring = keyring;
        this.clock = clock;
    }

    LedgerSealed seal(String label, long number, String previousSealId) {
        SealKey key = keyring.signingKey().orElseThrow(NoSealKey::new);
        long[] position = {0};
        long[] events = {0};
        List<SealHead> heads = new ArrayList<>(jdbc.query(HEADS, (row, n) -> {
            byte[] meta = row.getBytes("meta_data");
            var hash = meta == null ? null : Canonical.parse(meta).get(EventRows.HASH);
            position[0] = Math.max(position[0], row.getLong("global_index"));
            events[0] += row.getLong("sequence_number") + 1;
            String head = hash != null ? hash.asText() : row.getString("start_up_hash");
            return new SealHead(row.getString("type"), row.getString("aggregate_identifier"),
                    row.getLong("sequence_number"), head == null ? Sha256.NO_PREVIOUS : head);
        }));
        heads.sort(SealHead.TREE_ORDER);
        MerkleTree tree = new Seal(null, null, heads).tree();
        String sealId = UUID.randomUUID().toString();
        SealStatement statement = new SealStatement(sealId, number, label, clock.instant().toString(), position[0],
                heads.size(), events[0], Sha256.hex(tree.root()), key.keyId(), previousSealId);
        String signature = key.sign(statement.signedBytes());
        writeHeads(sealId, heads);
        return new LedgerSealed(sealId, number, label, statement.sealedAt(), statement.position(),
                statement.treeSize(), statement.events(), statement.root(), SealStatement.ALGORITHM, key.keyId(),
                previousSealId, signature);
    }

    private void writeHeads(String sealId, List<SealHead> heads) {
        List<Object[]> rows = new ArrayList<>(heads.size());
        for (int i = 0; i < heads.size(); i++) {
            SealHead head = heads.get(i);
            rows.add(new Object[]{sealId, i, head.aggregateType(), head.aggregateId(), head.sequence(), head.hash()});
        }
        jdbc.batchUpdate("INSERT INTO seal_head (seal_id, leaf_index, aggregate_type, aggregate_identifier, "
                + "sequence_number, hash) VALUES (?, ?, ?, ?, ?, ?)", rows);
    }

    /** No key to sign with: the ledger was given none and may not make one. */
    public static class NoSealKey extends RuntimeException {
        NoSealKey() {
            super("the ledger has no seal key: put one in ledger.proof.key-dir (docs/proof.md)");
        }
    }
}
