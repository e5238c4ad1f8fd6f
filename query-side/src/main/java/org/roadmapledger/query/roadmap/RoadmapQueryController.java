package org.roadmapledger.query.roadmap;

import org.roadmapledger.query.QueryProperties;
import org.roadmapledger.query.time.Viewpoint;
import org.roadmapledger.query.web.KnownParametersOnly;
import org.roadmapledger.query.web.NotFound;
import org.roadmapledger.query.web.ReplayGuard;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** {@code GET /api/roadmap}: the tree with rollups at a viewpoint. */
@RestController
@KnownParametersOnly
class RoadmapQueryController {

    private final RoadmapQueries queries;
    private final ReplayGuard replay;
    private final QueryProperties properties;
    private final Clock clock;

    RoadmapQueryController(RoadmapQueries queries, ReplayGuard replay, QueryProperties properties, Clock clock) {
        this.queries = queries;
        this.replay = replay;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(path = "/api/roadmap", produces = MediaType.APPLICATION_JSON_VALUE)
    RoadmapTree roadmap(@RequestParam(required = false) String asOf,
                        @RequestParam(required = false) String validAt) {
        replay.requireViews();
        Viewpoint at = Viewpoint.of(asOf, validAt, clock);
        return queries.tree(properties.roadmapId(), at).orElseThrow(() -> new NotFound("roadmap "
                + properties.roadmapId() + " has no structure as known at " + at.asOf() + ", effective at "
                + at.validAt()));
    }
}
