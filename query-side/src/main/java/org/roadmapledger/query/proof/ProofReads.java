package org.roadmapledger.query.proof;

import org.axonframework.common.DateTimeUtils;
import org.roadmapledger.platform.proof.EventRows;
import org.roadmapledger.proof.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The events as stored, for proofs, verification and exports. A whole-ledger read streams through a cursor (a
 * read-only transaction with a fetch size: PostgreSQL's driver otherwise reads every row before the first), so
 * no read holds the ledger in memory.
 */
public class ProofReads {

    private static final int FETCH = 2_000;
    private static final String ORDER = " ORDER BY e.aggregate_identifier, e.sequence_number";

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    ProofReads(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(FETCH);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    /** One aggregate's events in sequence order. */
    public void aggregate(String aggregateId, long upToSequence, Consumer<StoredEvent> each) {
        jdbc.query(EventRows.SELECT + " WHERE e.aggregate_identifier = ? AND e.sequence_number <= ?"
                + " ORDER BY e.sequence_number", row -> {
            each.accept(EventRows.map(row));
        }, aggregateId, upToSequence);
    }

    /** The events recorded from {@code from} (inclusive) to {@code to} (exclusive), by aggregate then sequence. */
    public void recorded(Instant from, Instant to, Consumer<StoredEvent> each) {
        readOnly.executeWithoutResult(status -> streaming.query(EventRows.SELECT
                + " WHERE e.time_stamp >= ? AND e.time_stamp < ?" + ORDER, row -> {
            each.accept(EventRows.map(row));
        }, DateTimeUtils.formatInstant(from), DateTimeUtils.formatInstant(to)));
    }

    /** Every event, by aggregate then sequence. */
    void all(Consumer<StoredEvent> each) {
        readOnly.executeWithoutResult(status -> streaming.query(EventRows.SELECT + ORDER, row -> {
            each.accept(EventRows.map(row));
        }));
    }

    /** The events a seal covers: of each aggregate it holds, those up to its sealed head. */
    void sealed(String sealId, Consumer<StoredEvent> each) {
        readOnly.executeWithoutResult(status -> streaming.query(EventRows.SELECT
                + " JOIN seal_head h ON h.seal_id = ? AND h.aggregate_identifier = e.aggregate_identifier"
                + " AND e.sequence_number <= h.sequence_number" + ORDER, row -> {
            each.accept(EventRows.map(row));
        }, sealId));
    }
}
