package org.roadmapledger.command.objective;

import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.command.web.InvalidRequest;

/** Typed ids from request values, refusing malformed ones as a bad request naming the field. */
final class Ids {

    private Ids() {
    }

    static ObjectiveId objective(String value, String field) {
        if (value == null) {
            throw new InvalidRequest(field, "must not be null");
        }
        try {
            return ObjectiveId.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(field, e.getMessage());
        }
    }

    static MilestoneId milestone(String value, String field) {
        if (value == null) {
            throw new InvalidRequest(field, "must not be null");
        }
        try {
            return MilestoneId.of(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(field, e.getMessage());
        }
    }
}
