package org.roadmapledger.query.roadmap;

import org.roadmapledger.query.objective.fold.MilestoneState;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.roadmap.AxisDefinition;
import org.roadmapledger.api.roadmap.PriorityDefinition;
import org.roadmapledger.query.objective.ObjectiveQueries;
import org.roadmapledger.query.objective.versions.ObjectiveVersion;
import org.roadmapledger.query.time.Viewpoint;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Builds the roadmap tree at a viewpoint: the structure in force there, and every objective's version. */
@Component
public class RoadmapQueries {

    private final MongoTemplate mongo;
    private final ObjectiveQueries objectives;

    RoadmapQueries(MongoTemplate mongo, ObjectiveQueries objectives) {
        this.mongo = mongo;
        this.objectives = objectives;
    }

    public Optional<RoadmapTree> tree(String roadmapId, Viewpoint at) {
        return structure(roadmapId, at).map(structure -> build(structure, objectives.allOf(roadmapId, at), at));
    }

    /** The structure folded like everything else: recorded by asOf, effective by validAt, the latest wins. */
    private Optional<RoadmapStructureVersion> structure(String roadmapId, Viewpoint at) {
        Query query = Query.query(where("roadmapId").is(roadmapId)
                        .and("recordedAt").lte(at.asOf())
                        .and("effectiveOn").lte(at.validAt().toString()))
                .with(Sort.by(Sort.Direction.DESC, "effectiveOn", "structureVersion")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, RoadmapStructureVersion.class));
    }

    private static RoadmapTree build(RoadmapStructureVersion structure, List<ObjectiveVersion> versions,
                                     Viewpoint at) {
        Map<String, List<ObjectiveVersion>> byPriority = versions.stream()
                .collect(Collectors.groupingBy(v -> v.axis() + "\u0000" + v.priority(), LinkedHashMap::new,
                        Collectors.toList()));
        List<RoadmapTree.Axis> axes = new ArrayList<>();
        List<ObjectiveVersion> placed = new ArrayList<>();
        for (AxisDefinition axis : structure.axes()) {
            List<RoadmapTree.Priority> priorities = new ArrayList<>();
            List<ObjectiveVersion> inAxis = new ArrayList<>();
            for (PriorityDefinition priority : axis.priorities()) {
                List<ObjectiveVersion> inPriority = byPriority.getOrDefault(axis.code() + "\u0000" + priority.code(),
                        List.of());
                inAxis.addAll(inPriority);
                priorities.add(new RoadmapTree.Priority(priority.code(), priority.title(),
                        priority.titleProvisional(), rollup(inPriority, at),
                        inPriority.stream().map(v -> summary(v, at)).toList()));
            }
            placed.addAll(inAxis);
            axes.add(new RoadmapTree.Axis(axis.code(), axis.title(), rollup(inAxis, at), priorities));
        }
        return new RoadmapTree(structure.roadmapId(), structure.title(), at.asOf(), at.validAt(),
                rollup(placed, at), axes);
    }

    private static RoadmapTree.ObjectiveSummary summary(ObjectiveVersion v, Viewpoint at) {
        return new RoadmapTree.ObjectiveSummary(v.objectiveId(), v.title(), v.titleProvisional(), v.sponsor(),
                v.status(),
                v.progressPercent(), milestones(List.of(v), at));
    }

    private static RoadmapTree.Rollup rollup(List<ObjectiveVersion> versions, Viewpoint at) {
        Map<ObjectiveStatus, Long> counts = new EnumMap<>(ObjectiveStatus.class);
        for (ObjectiveVersion v : versions) {
            counts.merge(v.status(), 1L, Long::sum);
        }
        return new RoadmapTree.Rollup(versions.size(), counts, milestones(versions, at));
    }

    private static RoadmapTree.Milestones milestones(List<ObjectiveVersion> versions, Viewpoint at) {
        long planned = 0;
        long achieved = 0;
        long overdue = 0;
        for (ObjectiveVersion v : versions) {
            for (MilestoneState m : v.milestones() == null ? List.<MilestoneState>of() : v.milestones()) {
                planned++;
                if (m.achievedOn() != null) {
                    achieved++;
                }
                if (m.overdueAt(at.validAt())) {
                    overdue++;
                }
            }
        }
        return new RoadmapTree.Milestones(planned, achieved, overdue);
    }
}
