package org.roadmapledger.query.reconciliation;

import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Reads the PostgreSQL event store directly: one grouped query per page of objectives, ordered by the
 * (aggregate identifier, sequence number) index, so 10,000 objectives cost ten queries. It also finds objectives
 * the views have never heard of, whose first event was missed.
 */
class JdbcStoredObjectives implements StoredObjectives {

    static final String OBJECTIVE_AGGREGATE = "Objective";

    private final JdbcTemplate jdbc;
    private final String sql;

    JdbcStoredObjectives(JdbcTemplate jdbc, EventSchema schema) {
        this.jdbc = jdbc;
        this.sql = "SELECT " + schema.aggregateIdentifierColumn() + ", MAX(" + schema.sequenceNumberColumn() + ")"
                + " FROM " + schema.domainEventTable()
                + " WHERE " + schema.typeColumn() + " = ? AND " + schema.aggregateIdentifierColumn() + " > ?"
                + " GROUP BY " + schema.aggregateIdentifierColumn()
                + " ORDER BY " + schema.aggregateIdentifierColumn() + " LIMIT ?";
    }

    @Override
    public List<Stored> page(String afterId, int size) {
        return jdbc.query(sql, (row, n) -> new Stored(row.getString(1), row.getLong(2)),
                OBJECTIVE_AGGREGATE, afterId, size);
    }

    @Override
    public String source() {
        return "postgresql";
    }
}
