package org.roadmapledger.command.objective;

import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.roadmap.RoadmapId;

/** What an Objective needs to know of the roadmap it belongs to. */
public interface RoadmapCatalog {

    /** The roadmap this ledger keeps. */
    RoadmapId roadmapId();

    /** Whether the roadmap's structure in force has that priority under that axis. */
    boolean hasPriority(String axis, String priority);

    /** Whether an objective of that id has been defined (the roadmap's own id counts: its events use it). */
    boolean hasObjective(ObjectiveId objectiveId);
}
