package org.roadmapledger.query.asof;

import org.axonframework.queryhandling.QueryHandler;
import org.roadmapledger.api.objective.FindObjectiveAsOf;
import org.roadmapledger.api.objective.ObjectiveStatusView;
import org.roadmapledger.query.objective.ObjectiveQueries;
import org.roadmapledger.query.time.Viewpoint;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Answers {@link FindObjectiveAsOf} from the views, as {@code GET /api/objectives/{id}} does. */
@Component
class ObjectiveAsOfQueries {

    private final ObjectiveQueries queries;
    private final Clock clock;

    ObjectiveAsOfQueries(ObjectiveQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    /** Null when the objective was not recorded at asOf, or not in effect at validAt. */
    @QueryHandler
    ObjectiveStatusView handle(FindObjectiveAsOf query) {
        return answer(query).orElse(null);
    }

    Optional<ObjectiveStatusView> answer(FindObjectiveAsOf query) {
        Instant asOf = query.asOf() == null ? clock.instant().truncatedTo(ChronoUnit.MILLIS) : query.asOf();
        LocalDate validAt = query.validAt() == null ? LocalDate.ofInstant(asOf, Viewpoint.LEDGER_ZONE)
                : query.validAt();
        return queries.find(query.objectiveId().value(), new Viewpoint(asOf, validAt));
    }
}
