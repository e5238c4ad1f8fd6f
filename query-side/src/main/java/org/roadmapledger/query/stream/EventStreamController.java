package org.roadmapledger.query.stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.roadmapledger.query.feed.Filter;
import org.roadmapledger.query.feed.Filters;
import org.roadmapledger.query.feed.LedgerFeed;
import org.roadmapledger.query.feed.Position;
import org.roadmapledger.query.feed.StartPositions;
import org.roadmapledger.query.web.InvalidParameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.Set;

/**
 * {@code GET /api/events/stream}: the ledger's events as Server-Sent Events, each a CloudEvent (DESIGN.md, "Query
 * API"). Everything the client sent is checked before the stream starts, so a bad request is a 400
 * {@code application/problem+json}, never a stream that ends at once.
 */
@RestController
class EventStreamController {

    static final String PATH = "/api/events/stream";
    private static final Set<String> PARAMETERS = Set.of("after", "objective", "axis", "types");

    private final LedgerFeed feed;
    private final SseSessions sessions;

    EventStreamController(LedgerFeed feed, SseSessions sessions) {
        this.feed = feed;
        this.sessions = sessions;
    }

    @GetMapping(PATH)
    void stream(@RequestParam(required = false) String after,
                @RequestParam(required = false) String objective,
                @RequestParam(required = false) String axis,
                @RequestParam(required = false) String types,
                @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (String name : request.getParameterMap().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new InvalidParameter(name, "is not a parameter of the change stream; it takes " + PARAMETERS);
            }
        }
        Filter filter = Filters.filter(objective, axis, types);
        Position from = lastEventId != null && !lastEventId.isBlank()
                ? StartPositions.given("Last-Event-ID", lastEventId, feed)
                : after == null || after.isBlank() ? Position.BEGINNING
                : "now".equals(after.trim()) ? feed.now() : StartPositions.given("after", after, feed);
        sessions.open(request, response, from, filter);
    }
}
