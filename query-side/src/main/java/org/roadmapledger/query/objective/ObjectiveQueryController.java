package org.roadmapledger.query.objective;

import org.roadmapledger.query.objective.versions.ProjectionProgress;
import org.roadmapledger.api.objective.ObjectiveStatusView;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.query.QueryProperties;
import org.roadmapledger.query.time.Viewpoint;
import org.roadmapledger.query.web.InvalidParameter;
import org.roadmapledger.query.web.KnownParametersOnly;
import org.roadmapledger.query.web.PathIds;
import org.roadmapledger.query.web.NotFound;
import org.roadmapledger.query.web.PageOf;
import org.roadmapledger.query.web.Paging;
import org.roadmapledger.query.web.ReplayGuard;
import org.roadmapledger.query.web.Unavailable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** The query API on objectives (DESIGN.md, "Query API"). */
@RestController
@KnownParametersOnly
@RequestMapping(path = "/api/objectives", produces = MediaType.APPLICATION_JSON_VALUE)
class ObjectiveQueryController {

    private final ObjectiveQueries queries;
    private final ProjectionProgress progress;
    private final ReplayGuard replay;
    private final QueryProperties properties;
    private final Clock clock;

    ObjectiveQueryController(ObjectiveQueries queries, ProjectionProgress progress, ReplayGuard replay,
                             QueryProperties properties, Clock clock) {
        this.queries = queries;
        this.progress = progress;
        this.replay = replay;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    PageOf<ObjectiveStatusView> list(@RequestParam(required = false) String axis,
                               @RequestParam(required = false) String priority,
                               @RequestParam(required = false) String sponsor,
                               @RequestParam(required = false) ObjectiveStatus status,
                               @RequestParam(required = false) String asOf,
                               @RequestParam(required = false) String validAt,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        replay.requireViews();
        Paging paging = Paging.of(page, size);
        Viewpoint at = Viewpoint.of(asOf, validAt, clock);
        return queries.list(new ObjectiveQueries.Filter(orAny(axis), orAny(priority), orAny(sponsor), status), at,
                paging);
    }

    /**
     * With {@code minVersion}, the answer waits (holding no server thread) until the objective's views include
     * that version, then reads; after {@code ledger.min-version-wait} it is 503 with Retry-After.
     */
    @GetMapping("/{id}")
    CompletableFuture<ObjectiveStatusView> one(@PathVariable("id") String objectiveId,
                                         @RequestParam(required = false) String asOf,
                                         @RequestParam(required = false) String validAt,
                                         @RequestParam(required = false) Long minVersion) {
        PathIds.objective(objectiveId);
        replay.requireViews();
        Viewpoint.of(asOf, validAt, clock); // refuse a bad viewpoint before waiting
        if (minVersion == null) {
            return CompletableFuture.completedFuture(read(objectiveId, asOf, validAt));
        }
        if (minVersion < 0) {
            throw new InvalidParameter("minVersion", "must be 0 or more");
        }
        Duration wait = properties.minVersionWait();
        return progress.reached(objectiveId, minVersion)
                .orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS)
                .handle((reached, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(new Unavailable("objective " + objectiveId
                                + " has not reached version " + minVersion + " within " + wait.toSeconds() + " s",
                                Duration.ofSeconds(1)));
                    }
                    // The viewpoint is taken once the version is there, so a default asOf includes it.
                    return read(objectiveId, asOf, validAt);
                });
    }

    // A blank filter, as HTML forms send for an empty field, filters nothing, like an empty asOf.
    private static String orAny(String filter) {
        return filter == null || filter.isBlank() ? null : filter;
    }

    private ObjectiveStatusView read(String objectiveId, String asOf, String validAt) {
        Viewpoint at = Viewpoint.of(asOf, validAt, clock);
        return queries.find(objectiveId, at).orElseThrow(() -> new NotFound("objective " + objectiveId
                + " is not in the ledger as known at " + at.asOf() + ", effective at " + at.validAt()));
    }
}
