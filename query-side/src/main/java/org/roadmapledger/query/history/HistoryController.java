package org.roadmapledger.query.history;

import jakarta.servlet.http.HttpServletRequest;
import org.roadmapledger.query.access.AccessLog;
import org.roadmapledger.query.web.KnownParametersOnly;
import org.roadmapledger.query.web.NotFound;
import org.roadmapledger.query.web.PageOf;
import org.roadmapledger.query.web.Paging;
import org.roadmapledger.query.web.PathIds;
import org.roadmapledger.query.web.ReplayGuard;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/objectives/{id}/history}: the audit history in sequence order, paged. The head gives the
 * total; the page's entries are looked up by their computed ids.
 */
@RestController
@KnownParametersOnly
class HistoryController {

    private final ObjectiveHistories histories;
    private final ReplayGuard replay;
    private final AccessLog accessLog;

    HistoryController(ObjectiveHistories histories, ReplayGuard replay, AccessLog accessLog) {
        this.histories = histories;
        this.replay = replay;
        this.accessLog = accessLog;
    }

    @GetMapping(path = "/api/objectives/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<ObjectiveHistories.Item> history(@PathVariable("id") String objectiveId,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size, HttpServletRequest request) {
        PathIds.objective(objectiveId);
        replay.requireViews();
        Paging paging = Paging.of(page, size);
        long total = histories.length(objectiveId).orElseThrow(() ->
                new NotFound("objective " + objectiveId + " has no history in the ledger"));
        accessLog.record("history", objectiveId, request);
        long from = paging.offset();
        return new PageOf<>(histories.range(objectiveId, from, Math.min(total, from + paging.size())),
                paging.page(), paging.size(), total);
    }
}
