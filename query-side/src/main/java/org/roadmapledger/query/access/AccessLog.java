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
        Caller caller = Caller.current().orElse(null);
        String query = request.getQueryString();
        mongo.insert(new AccessRecord(clock.instant().toEpochMilli() + "-" + UUID.randomUUID(), clock.instant(),
                caller == null ? "anonymous" : caller.label(), caller == null ? null : caller.issuer(),
                caller == null ? null : caller.subject(), caller == null ? null : caller.clientId(),
                caller == null ? List.of() : caller.roles().stream().map(Role::claimValue).sorted().toList(),
                kind, subject, request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query)));
    }

    /** Newest first. */
    PageOf<AccessRecord> page(Paging paging) {
        long total = mongo.count(new Query(), AccessRecord.class);
        List<AccessRecord> items = mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "at", "_id"))
                .skip(paging.offset()).limit(paging.size()), AccessRecord.class);
        return new PageOf<>(items, paging.page(), paging.size(), total);
    }
}
