package org.roadmapledger.query.objective;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How far the views of one objective have got: the sequence number of its last event applied. Events at or
 * below it are redeliveries and change nothing; an event beyond the next one reveals a gap to fill first.
 */
@Document(ObjectivePosition.COLLECTION)
public record ObjectivePosition(@Id String objectiveId, long lastSequence) {

    public static final String COLLECTION = "objective_positions";
}
