package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.time.Viewpoint;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the query API asks of the stored versions: which objectives exist at a viewpoint, and their versions
 * there. Everything is found by {@code _id} in a few rounds (see {@link ViewReader}), so the same reads serve
 * MongoDB and the embedded MongoDB-wire server.
 */
@Component
public class VersionReads {

    private final ObjectiveVersionStore store;
    private final ObjectiveDirectory directory;

    VersionReads(ObjectiveVersionStore store, ObjectiveDirectory directory) {
        this.store = store;
        this.directory = directory;
    }

    /**
     * The version of each objective at the viewpoint, keyed by objective id; an objective not in effect there is
     * absent. With {@code numbered}, each carries the objective's version number at {@code asOf}, which costs
     * a further lookup for objectives changed since.
     */
    public Map<String, FoundVersion> at(Collection<String> objectiveIds, Viewpoint at, boolean numbered) {
        return ViewReader.at(store, objectiveIds, at.asOf(), at.validAt(), numbered);
    }

    /** The objectives recorded by {@code asOf} and defined by {@code validAt}, sorted by id; null: every roadmap. */
    public List<String> existingAt(List<String> roadmapIds, Viewpoint at) {
        return directory.entries(roadmapIds).stream().filter(e -> e.existsAt(at.asOf(), at.validAt()))
                .map(DirectoryEntry::objectiveId).distinct().toList();
    }
}
