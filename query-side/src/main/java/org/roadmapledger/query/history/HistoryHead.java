package org.roadmapledger.query.history;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How long an objective's audit history is: the sequence number of its last entry, so a page knows its total and
 * which entry ids to look up without counting. The document also holds {@link HistoryContiguity#FIELD}, which only
 * the projection and the reconciliation read.
 */
@Document(HistoryHead.COLLECTION)
public record HistoryHead(@Id String objectiveId, long lastSequence) {

    public static final String COLLECTION = "objective_history_heads";
}
