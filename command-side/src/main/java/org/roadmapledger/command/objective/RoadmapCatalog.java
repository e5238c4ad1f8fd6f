package org.roadmapledger.command.objective;

import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.command.rules.RuleViolation;

/** What an Objective needs to know of the roadmap it belongs to. */
public interface RoadmapCatalog {

    /** The roadmap this ledger keeps. */
    RoadmapId roadmapId();

    /** Whether the roadmap's structure in force has that priority under that axis. */
    boolean hasPriority(String axis, String priority);

    /** Whether an objective of that id has been defined (the roadmap's own id counts: its events use it). */
    boolean hasObjective(ObjectiveId objectiveId);

    /**
     * Refuses an id the ledger holds before anything is appended, rather than leaving it to the event table's
     * unique key: an insert that fails has already drawn its global index, and every such hole rides in each
     * tracking token until the gap timeout, copied for every event in flight. 1,000 repeated definitions filled
     * a 512 MB heap with them (2026-12-07).
     */
    default void requireUndefined(ObjectiveId objectiveId) {
        if (hasObjective(objectiveId)) {
            throw RuleViolation.duplicateObjective();
        }
    }
}
