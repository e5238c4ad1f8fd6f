package org.roadmapledger.query.access;

import org.roadmapledger.query.web.KnownParametersOnly;
import org.roadmapledger.query.web.PageOf;
import org.roadmapledger.query.web.Paging;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/access-log}: who read which histories, proofs and exports, newest first, for auditors. */
@RestController
@KnownParametersOnly
class AccessLogController {

    private final AccessLog log;

    AccessLogController(AccessLog log) {
        this.log = log;
    }

    @GetMapping(path = "/api/access-log", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<AccessRecord> accessLog(@RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return log.page(Paging.of(page, size));
    }
}
