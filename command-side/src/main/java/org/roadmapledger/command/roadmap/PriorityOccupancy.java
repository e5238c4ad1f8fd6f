package org.roadmapledger.command.roadmap;

import org.roadmapledger.api.roadmap.RoadmapId;

/** Whether objectives are placed under a priority: the Roadmap asks before letting one disappear. */
public interface PriorityOccupancy {

    boolean holdsObjectives(RoadmapId roadmapId, String axis, String priority);
}
