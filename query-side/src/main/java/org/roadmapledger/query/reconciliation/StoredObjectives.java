package org.roadmapledger.query.reconciliation;

import java.util.List;

/** The event store's side of the comparison: each objective with the sequence number of its last event. */
interface StoredObjectives {

    record Stored(String objectiveId, long lastSequence) {
    }

    /** Up to {@code size} objectives whose ids follow {@code afterId}, in id order. */
    List<Stored> page(String afterId, int size);

    /** How the comparison reads the store, for the report. */
    String source();
}
