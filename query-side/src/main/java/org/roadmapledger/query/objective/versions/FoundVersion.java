package org.roadmapledger.query.objective.versions;

/** A version found at a viewpoint, with the objective's version number at {@code asOf} (-1 when not asked for). */
public record FoundVersion(ObjectiveVersion version, long versionNumber) {
}
