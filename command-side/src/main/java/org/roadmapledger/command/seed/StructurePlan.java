package org.roadmapledger.command.seed;

import org.roadmapledger.api.roadmap.AxisDefinition;
import org.roadmapledger.api.roadmap.PriorityDefinition;
import org.roadmapledger.command.roadmap.RoadmapImportView;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In which structures the import publishes the file's. A priority that still holds objectives cannot disappear,
 * and an objective moves only to a priority that exists: when the file drops priorities, the import first
 * publishes the union of the structure in force and the file's, moves and defines the objectives, and only then
 * publishes the file's structure, whose dropped priorities are empty by then.
 *
 * @param beforeObjectives the structure to publish before the objectives, or null when the one in force will do
 * @param afterObjectives  the structure to publish after them, or null when none is needed
 */
record StructurePlan(Structure beforeObjectives, Structure afterObjectives) {

    /** A roadmap's title and axes, as PublishRoadmapStructure carries them. */
    record Structure(String title, List<AxisDefinition> axes) {

        Structure {
            axes = List.copyOf(axes);
        }

        static Structure of(RoadmapFile file) {
            List<AxisDefinition> axes = new ArrayList<>();
            for (RoadmapFile.Axis axis : file.axes()) {
                List<PriorityDefinition> priorities = new ArrayList<>();
                for (RoadmapFile.Priority priority : axis.priorities()) {
                    priorities.add(new PriorityDefinition(priority.code(), priority.title().fr(),
                            RoadmapFile.Provisional.title(priority.provisional())));
                }
                axes.add(new AxisDefinition(axis.code(), axis.title().fr(), priorities));
            }
            return new Structure(file.title().fr(), axes);
        }

        static Structure of(RoadmapImportView view) {
            return new Structure(view.title(), view.axes());
        }
    }

    /** @param current the structure in force, or null when the roadmap has none yet */
    static StructurePlan between(Structure current, Structure target) {
        if (current == null) {
            return new StructurePlan(target, null);
        }
        if (current.equals(target)) {
            return new StructurePlan(null, null);
        }
        if (!dropsPriorities(current, target)) {
            return new StructurePlan(target, null);
        }
        Structure union = union(current, target);
        return new StructurePlan(union.equals(current) ? null : union, target);
    }

    private static boolean dropsPriorities(Structure current, Structure target) {
        Set<Placement> kept = placements(target);
        return placements(current).stream().anyMatch(placement -> !kept.contains(placement));
    }

    /**
     * The target's axes and priorities, in its order and with its titles, followed under each axis by the
     * current priorities it drops. A priority code the target uses under another axis cannot stay under its old
     * one too (codes are unique in a structure): objectives under it then block the union's publication.
     */
    private static Structure union(Structure current, Structure target) {
        Set<String> targetCodes = new HashSet<>();
        for (AxisDefinition axis : target.axes()) {
            axis.priorities().forEach(priority -> targetCodes.add(priority.code()));
        }
        Map<String, List<PriorityDefinition>> priorities = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (AxisDefinition axis : target.axes()) {
            titles.put(axis.code(), axis.title());
            priorities.put(axis.code(), new ArrayList<>(axis.priorities()));
        }
        for (AxisDefinition axis : current.axes()) {
            titles.putIfAbsent(axis.code(), axis.title());
            List<PriorityDefinition> merged = priorities.computeIfAbsent(axis.code(), code -> new ArrayList<>());
            for (PriorityDefinition priority : axis.priorities()) {
                if (!targetCodes.contains(priority.code())) {
                    merged.add(priority);
                }
            }
        }
        List<AxisDefinition> axes = new ArrayList<>();
        priorities.forEach((code, list) -> axes.add(new AxisDefinition(code, titles.get(code), list)));
        return new Structure(target.title(), axes);
    }

    private record Placement(String axis, String priority) {
    }

    private static Set<Placement> placements(Structure structure) {
        Set<Placement> placements = new HashSet<>();
        for (AxisDefinition axis : structure.axes()) {
            for (PriorityDefinition priority : axis.priorities()) {
                placements.add(new Placement(axis.code(), priority.code()));
            }
        }
        return placements;
    }
}
