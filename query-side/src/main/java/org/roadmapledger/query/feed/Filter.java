package org.roadmapledger.query.feed;

import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveMoved;
import org.roadmapledger.api.roadmap.AxisDefinition;
import org.roadmapledger.api.roadmap.RoadmapStructurePublished;
import org.roadmapledger.query.cloudevents.LedgerEvent;

import java.util.Set;

/**
 * Which events a subscriber wants; null (or empty) means any. Applied on the server; an event filtered out still
 * moves the subscriber's position.
 *
 * <ul>
 * <li>{@code objective}: events of that objective only (structure events never match);</li>
 * <li>{@code axis}: events of objectives placed under that axis when the event was recorded, a move into or out
 * of it, and structures that contain it;</li>
 * <li>{@code types}: events of those short names.</li>
 * </ul>
 */
public record Filter(String objective, String axis, Set<String> types) {

    public static final Filter ALL = new Filter(null, null, Set.of());

    public Filter {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    public boolean matches(LedgerEvent event, Placements placements) {
        if (!types.isEmpty() && !types.contains(event.type())) {
            return false;
        }
        boolean objectiveEvent = "objective".equals(event.aggregate());
        if (objective != null && !(objectiveEvent && objective.equals(event.subject()))) {
            return false;
        }
        if (axis == null) {
            return true;
        }
        Object payload = event.payload();
        if (payload instanceof RoadmapStructurePublished structure) {
            return structure.axes().stream().map(AxisDefinition::code).anyMatch(axis::equals);
        }
        if (!objectiveEvent) {
            return false;
        }
        if (payload instanceof ObjectiveDefined defined) {
            return axis.equals(defined.axis());
        }
        if (payload instanceof ObjectiveMoved moved) {
            return axis.equals(moved.axis()) || axis.equals(moved.previousAxis());
        }
        return axis.equals(placements.axisAt(event.subject(), event.subjectVersion()));
    }

    /** Whether the filter lets everything through, so placements need never be looked up. */
    public boolean isAll() {
        return objective == null && axis == null && types.isEmpty();
    }

    @Override
    public String toString() {
        return isAll() ? "all events" : "objective=" + objective + " axis=" + axis + " types=" + types;
    }
}
