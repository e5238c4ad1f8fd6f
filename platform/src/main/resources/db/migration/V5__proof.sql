-- The proof (docs/proof.md). Events recorded before the hash chain existed are chained once, at the first start
-- of a version that chains, in a record of their own: nothing stored is rewritten.
CREATE TABLE event_chain_backfill (
    global_index         BIGINT       NOT NULL PRIMARY KEY,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    prev_hash            CHAR(64)     NOT NULL,
    hash                 CHAR(64)     NOT NULL
);

-- One row, written when the chaining of earlier events is done (at once on a ledger that had none).
CREATE TABLE event_chain_start (
    id                    INTEGER      NOT NULL PRIMARY KEY CHECK (id = 1),
    events_chained        BIGINT       NOT NULL,
    chained_at            VARCHAR(40)  NOT NULL
);

-- Every aggregate's head when a seal was taken, in the order of the seal's Merkle tree; written in the same
-- transaction as the seal's event.
CREATE TABLE seal_head (
    seal_id              VARCHAR(64)  NOT NULL,
    leaf_index           INTEGER      NOT NULL,
    aggregate_type       VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    hash                 CHAR(64)     NOT NULL,
    PRIMARY KEY (seal_id, leaf_index)
);
CREATE UNIQUE INDEX seal_head_aggregate ON seal_head (seal_id, aggregate_identifier);

-- The proof's tables are append-only like the events (V4).
CREATE TRIGGER event_chain_backfill_append_only BEFORE UPDATE OR DELETE ON event_chain_backfill
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_event_change();
CREATE TRIGGER event_chain_backfill_no_truncate BEFORE TRUNCATE ON event_chain_backfill
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_event_change();
CREATE TRIGGER event_chain_start_append_only BEFORE UPDATE OR DELETE ON event_chain_start
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_event_change();
CREATE TRIGGER event_chain_start_no_truncate BEFORE TRUNCATE ON event_chain_start
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_event_change();
CREATE TRIGGER seal_head_append_only BEFORE UPDATE OR DELETE ON seal_head
    FOR EACH ROW EXECUTE FUNCTION ledger_refuse_event_change();
CREATE TRIGGER seal_head_no_truncate BEFORE TRUNCATE ON seal_head
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_event_change();
