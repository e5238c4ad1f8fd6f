package org.roadmapledger.query.access;

import jakarta.servlet.http.HttpServletRequest;
import org.roadmapledger.platform.security.Caller;
import org.roadmapledger.platform.security.Role;
import org.roadmapledger.query.web.PageOf;
import org.roadmapledger.query.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The append-only log of reads of histories, proofs and exports. A read is recorded before it is answered, so an
 * answer never goes out unrecorded; the ledger only ever inserts here (no endpoint or code path updates or deletes
 * a record).
 */
@Component
public class AccessLog {

    private final MongoTemplate mongo;
    private final Clock clock;

    AccessLog(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * @param kind    what was read: {@code history}, {@code proof}, {@code export}
     * @param subject which one: an objective id, a seal id
     */
    public void record(String kind, String subject, HttpServletRequest request) {
        Instant at = clock.instant();
        String query = request.getQueryString();
        String asked = request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query);
        String id = at.toEpochMilli() + "-" + UUID.randomUUID();
        // only an authenticated request reaches a read that is logged; "anonymous" would be public reads
        AccessRecord record = Caller.current()
                .map(c -> new AccessRecord(id, at, c.label(), c.issuer(), c.subject(), c.clientId(),
                        c.roles().stream().map(Role::claimValue).sorted().toList(), kind, subject, asked))
                .orElseGet(() -> new AccessRecord(id, at, "anonymous", null, null, null, List.of(), kind, subject,
                        asked));
        mongo.insert(record);
    }

    /** Newest first. */
    PageOf<AccessRecord> page(Paging paging) {
        long total = mongo.count(new Query(), AccessRecord.class);
        List<AccessRecord> items = mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "at", "_id"))
                .skip(paging.offset()).limit(paging.size()), AccessRecord.class);
        return new PageOf<>(items, paging.page(), paging.size(), total);
    }
}
