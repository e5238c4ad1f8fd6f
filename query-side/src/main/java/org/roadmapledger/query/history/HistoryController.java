package org.roadmapledger.query.history;

import org.roadmapledger.query.web.KnownParametersOnly;
import org.roadmapledger.query.web.NotFound;
import org.roadmapledger.query.web.PageOf;
import org.roadmapledger.query.web.Paging;
import org.roadmapledger.query.web.ReplayGuard;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** {@code GET /api/objectives/{id}/history}: the audit history in sequence order, paged. */
@RestController
@KnownParametersOnly
class HistoryController {

    private final MongoTemplate mongo;
    private final ReplayGuard replay;

    HistoryController(MongoTemplate mongo, ReplayGuard replay) {
        this.mongo = mongo;
        this.replay = replay;
    }

    record Item(long sequence, String eventId, String type, java.time.Instant recordedAt, String effectiveOn,
                String actor, String correlationId, Object payload) {
    }

    @GetMapping(path = "/api/objectives/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Item> history(@PathVariable("id") String objectiveId,
                         @RequestParam(required = false) Integer page,
                         @RequestParam(required = false) Integer size) {
        replay.requireViews();
        Paging paging = Paging.of(page, size);
        Query query = Query.query(where("objectiveId").is(objectiveId));
        long total = mongo.count(query, HistoryEntry.class);
        if (total == 0) {
            throw new NotFound("objective " + objectiveId + " has no history in the ledger");
        }
        List<Item> items = mongo.find(query.with(Sort.by("sequence")).skip(paging.offset()).limit(paging.size()),
                        HistoryEntry.class).stream()
                .map(e -> new Item(e.sequence(), e.eventId(), e.type(), e.recordedAt(), e.effectiveOn(), e.actor(),
                        e.correlationId(), e.payload()))
                .toList();
        return new PageOf<>(items, paging.page(), paging.size(), total);
    }
}
