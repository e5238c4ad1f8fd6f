package org.roadmapledger.query.objective.versions;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An objective as the directory lists it: enough to tell, without reading its views, whether it exists at a
 * viewpoint (recorded by {@code asOf}, in effect at {@code validAt}) and to page through objectives by id.
 */
record DirectoryEntry(String objectiveId, String roadmapId, LocalDate definedOn, Instant definedAt) {

    boolean existsAt(Instant asOf, LocalDate validAt) {
        return !definedAt.isAfter(asOf) && !definedOn.isAfter(validAt);
    }
}
