package org.roadmapledger.query.history;

import jakarta.servlet.http.HttpServletRequest;
import org.roadmapledger.query.access.AccessLog;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.roadmapledger.query.web.KnownParametersOnly;
import org.roadmapledger.query.web.PathIds;
import org.roadmapledger.query.web.NotFound;
import org.roadmapledger.query.web.PageOf;
import org.roadmapledger.query.web.Paging;
import org.roadmapledger.query.web.ReplayGuard;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/objectives/{id}/history}: the audit history in sequence order, paged. The head gives the
 * total; the page's entries are looked up by their computed ids.
 */
@RestController
@KnownParametersOnly
class HistoryController {

    private final MongoTemplate mongo;
    private final ReplayGuard replay;
    private final AccessLog accessLog;

    HistoryController(MongoTemplate mongo, ReplayGuard replay, AccessLog accessLog) {
        this.mongo = mongo;
        this.replay = replay;
        this.accessLog = accessLog;
    }

    record Item(long sequence, String eventId, String type, Instant recordedAt, String effectiveOn,
                String actor, @JsonInclude(JsonInclude.Include.NON_NULL) ActorIdentity actorIdentity,
                String correlationId, Object payload) {
    }

    @GetMapping(path = "/api/objectives/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<Item> history(@PathVariable("id") String objectiveId,
                         @RequestParam(required = false) Integer page,
                         @RequestParam(required = false) Integer size, HttpServletRequest request) {
        PathIds.objective(objectiveId);
        replay.requireViews();
        Paging paging = Paging.of(page, size);
        HistoryHead head = mongo.findById(objectiveId, HistoryHead.class);
        if (head == null) {
            throw new NotFound("objective " + objectiveId + " has no history in the ledger");
        }
        accessLog.record("history", objectiveId, request);
        long total = head.lastSequence() + 1;
        List<String> ids = new ArrayList<>();
        for (long sequence = paging.offset(); sequence < Math.min(total, paging.offset() + paging.size());
             sequence++) {
            ids.add(HistoryEntry.id(objectiveId, sequence));
        }
        List<Item> items = new ArrayList<>(ids.size());
        if (!ids.isEmpty()) {
            for (Document document : mongo.getCollection(HistoryEntry.COLLECTION).find(Filters.in("_id", ids))) {
                HistoryEntry e = mongo.getConverter().read(HistoryEntry.class, document);
                items.add(new Item(e.sequence(), e.eventId(), e.type(), e.recordedAt(), e.effectiveOn(), e.actor(),
                        e.actorIdentity(), e.correlationId(), e.payload()));
            }
        }
        items.sort(Comparator.comparingLong(Item::sequence));
        return new PageOf<>(items, paging.page(), paging.size(), total);
    }
}
