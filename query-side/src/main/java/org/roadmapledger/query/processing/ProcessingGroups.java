package org.roadmapledger.query.processing;

import java.util.List;

/**
 * The processing groups of the views, named where their processing is configured: each projection declares the
 * group it belongs to with these names, so processing never needs to know the projections.
 */
public final class ProcessingGroups {

    /** Objective versions and positions, and the roadmap's structures. */
    public static final String OBJECTIVE_VERSIONS = "objective-versions";
    /** The audit history of each objective. */
    public static final String AUDIT_HISTORY = "audit-history";
    /** Every view's group: what a replay resets and the reconciliation checks. */
    public static final List<String> VIEWS = List.of(OBJECTIVE_VERSIONS, AUDIT_HISTORY);

    private ProcessingGroups() {
    }
}
