package org.roadmapledger.command.roadmap;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveMoved;
import org.roadmapledger.api.roadmap.AxisDefinition;
import org.roadmapledger.api.roadmap.PriorityDefinition;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.api.roadmap.RoadmapStructurePublished;
import org.roadmapledger.command.LedgerProperties;
import org.roadmapledger.command.objective.RoadmapCatalog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The structure in force and where each objective sits, as the aggregates need them to decide. Its handlers
 * are in the subscribing processing group {@code catalog}: they run in the transaction that appends the events,
 * so the tables never lag behind the event store.
 */
@Component
@ProcessingGroup("catalog")
class JdbcRoadmapCatalog implements RoadmapCatalog, PriorityOccupancy {

    private final JdbcTemplate jdbc;
    private final RoadmapId roadmapId;

    JdbcRoadmapCatalog(JdbcTemplate jdbc, LedgerProperties properties) {
        this.jdbc = jdbc;
        this.roadmapId = RoadmapId.of(properties.roadmapId());
    }

    @Override
    public RoadmapId roadmapId() {
        return roadmapId;
    }

    @Override
    public boolean hasPriority(String axis, String priority) {
        // PostgreSQL text cannot hold NUL, so no stored code has one; and a query parameter with one fails
        // ("invalid byte sequence"), which answered a client's typo with HTTP 500 instead of "unknown priority".
        if (containsNul(axis) || containsNul(priority)) {
            return false;
        }
        return exists("SELECT count(*) FROM roadmap_priority WHERE roadmap_id = ? AND axis_code = ? AND priority_code = ?",
                roadmapId.value(), axis, priority);
    }

    @Override
    public boolean hasObjective(ObjectiveId objectiveId) {
        // the table is written in the transaction that appends ObjectiveDefined, so it never lags the event store
        return objectiveId.value().equals(roadmapId.value())
                || exists("SELECT count(*) FROM objective_placement WHERE objective_id = ?", objectiveId.value());
    }

    @Override
    public boolean holdsObjectives(RoadmapId roadmap, String axis, String priority) {
        return exists("SELECT count(*) FROM objective_placement WHERE roadmap_id = ? AND axis_code = ? AND priority_code = ?",
                roadmap.value(), axis, priority);
    }

    @EventHandler
    void on(RoadmapStructurePublished event) {
        jdbc.update("DELETE FROM roadmap_priority WHERE roadmap_id = ?", event.roadmapId().value());
        for (AxisDefinition axis : event.axes()) {
            for (PriorityDefinition priority : axis.priorities()) {
                jdbc.update("INSERT INTO roadmap_priority (roadmap_id, axis_code, priority_code) VALUES (?, ?, ?)",
                        event.roadmapId().value(), axis.code(), priority.code());
            }
        }
    }

    @EventHandler
    void on(ObjectiveDefined event) {
        jdbc.update("INSERT INTO objective_placement (objective_id, roadmap_id, axis_code, priority_code, effective_on) "
                        + "VALUES (?, ?, ?, ?, ?)",
                event.objectiveId().value(), event.roadmapId().value(), event.axis(), event.priority(),
                event.effectiveOn());
    }

    @EventHandler
    void on(ObjectiveMoved event) {
        jdbc.update("UPDATE objective_placement SET axis_code = ?, priority_code = ?, effective_on = ? "
                        + "WHERE objective_id = ? AND effective_on <= ?",
                event.axis(), event.priority(), event.effectiveOn(), event.objectiveId().value(),
                event.effectiveOn());
    }

    private static boolean containsNul(String code) {
        return code != null && code.indexOf('\u0000') >= 0;
    }

    private boolean exists(String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count != null && count > 0;
    }
}
