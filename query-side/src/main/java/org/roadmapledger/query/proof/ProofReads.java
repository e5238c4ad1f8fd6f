package org.roadmapledger.query.proof;

import org.axonframework.common.DateTimeUtils;
import org.roadmapledger.platform.proof.EventRows;
import org.roadmapledger.proof.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
        // the index orders the text, whose fractions of a second vary in length: a second's margin on each side
        // through the index, then the exact bounds
        readOnly.executeWithoutResult(status -> streaming.query(EventRows.SELECT
                + " WHERE e.time_stamp >= ? AND e.time_stamp < ?" + ORDER, row -> {
            StoredEvent stored = EventRows.map(row);
            Instant recorded = Instant.parse(stored.event().recordedAt());
            if (!recorded.isBefore(from) && recorded.isBefore(to)) {
                each.accept(stored);
            }
        }, DateTimeUtils.formatInstant(from.minusSeconds(1)), DateTimeUtils.formatInstant(to.plusSeconds(1))));
    }

    /** How many of an aggregate's events were recorded at or before {@code asOf}. */
    public long countRecorded(String aggregateId, Instant asOf) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND time_stamp::timestamptz <= ?", Long.class, aggregateId, utc(asOf));
        return count == null ? 0 : count;
    }

    /**
     * A page of an aggregate's events recorded at or before {@code asOf}, the newest first: a page reads its own
     * events only (an objective of 7,700 events took 540 ms a page when all were read to page them).
     */
    public void recordedPage(String aggregateId, Instant asOf, long offset, int limit, Consumer<StoredEvent> each) {
        jdbc.query(EventRows.SELECT + " WHERE e.aggregate_identifier = ? AND e.time_stamp::timestamptz <= ?"
                + " ORDER BY e.sequence_number DESC LIMIT ? OFFSET ?", row -> {
            each.accept(EventRows.map(row));
        }, aggregateId, utc(asOf), limit, offset);
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

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
