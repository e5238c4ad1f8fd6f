package org.roadmapledger.query.objective;

import org.bson.Document;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.query.QueryProperties;
import org.roadmapledger.query.time.Viewpoint;
import org.roadmapledger.query.web.PageOf;
import org.roadmapledger.query.web.Paging;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Answers questions about objectives at a viewpoint from the versions, never from the event store.
 *
 * <p>Lists and the roadmap need, for every objective, the one rectangle that holds the viewpoint. On MongoDB
 * they get it by one seek per objective in the {@code objective_recorded} index, all within one aggregation
 * ({@code $lookup} from the positions, one document per objective): a read touches about one version per
 * objective however long the histories are. The embedded MongoDB-wire server has no secondary indexes (it
 * ignores them), so there every such query scans the collection anyway, and one scan beats one per objective:
 * with {@code ledger.embedded-mongo} the same answers come from a single filtered scan.
 */
@Component
public class ObjectiveQueries {

    private final MongoTemplate mongo;
    private final ObjectiveVersionStore store;
    private final boolean seekPerObjective;

    @Autowired
    ObjectiveQueries(MongoTemplate mongo, ObjectiveVersionStore store, QueryProperties properties) {
        this(mongo, store, !properties.embeddedMongo());
    }

    ObjectiveQueries(MongoTemplate mongo, ObjectiveVersionStore store, boolean seekPerObjective) {
        this.mongo = mongo;
        this.store = store;
        this.seekPerObjective = seekPerObjective;
    }

    public Optional<ObjectiveView> find(String objectiveId, Viewpoint at) {
        return store.find(objectiveId, at.asOf(), at.validAt().toString())
                .map(version -> ObjectiveView.of(version,
                        store.versionAt(objectiveId, at.asOf()).orElse(version.knownFromSequence()),
                        at.asOf(), at.validAt()));
    }

    /** Filters are exact matches; null means any. Sorted by objective id. */
    public PageOf<ObjectiveView> list(Filter filter, Viewpoint at, Paging paging) {
        return seekPerObjective ? listBySeeks(filter, at, paging) : listByScan(filter, at, paging);
    }

    /** Every objective's version at the viewpoint, of one roadmap, for the tree and its rollups. */
    public List<ObjectiveVersion> allOf(String roadmapId, Viewpoint at) {
        if (seekPerObjective) {
            List<AggregationOperation> stages = new ArrayList<>(versionsAt(at));
            stages.add(Aggregation.match(where("roadmapId").is(roadmapId)));
            stages.add(Aggregation.sort(Sort.by("objectiveId")));
            return mongo.aggregate(Aggregation.newAggregation(stages), ObjectivePosition.COLLECTION,
                    Document.class).getMappedResults().stream().map(this::version).toList();
        }
        Query query = Query.query(where("roadmapId").is(roadmapId).andOperator(
                ObjectiveVersionStore.knownAt(at.asOf()), ObjectiveVersionStore.validOn(at.validAt().toString())));
        return mongo.find(query.with(Sort.by("objectiveId")), ObjectiveVersion.class);
    }

    public record Filter(String axis, String priority, String sponsor, ObjectiveStatus status) {
    }

    private PageOf<ObjectiveView> listByScan(Filter filter, Viewpoint at, Paging paging) {
        List<Criteria> all = new ArrayList<>(filters(filter));
        all.add(ObjectiveVersionStore.knownAt(at.asOf()));
        all.add(ObjectiveVersionStore.validOn(at.validAt().toString()));
        Query query = Query.query(new Criteria().andOperator(all));
        long total = mongo.count(query, ObjectiveVersion.class);
        query.with(Sort.by("objectiveId")).skip(paging.offset()).limit(paging.size());
        List<ObjectiveVersion> versions = mongo.find(query, ObjectiveVersion.class);
        Map<String, Long> numbers = versionNumbers(versions.stream().map(ObjectiveVersion::objectiveId).toList(), at);
        List<ObjectiveView> items = versions.stream()
                .map(v -> ObjectiveView.of(v, numbers.getOrDefault(v.objectiveId(), v.knownFromSequence()),
                        at.asOf(), at.validAt()))
                .toList();
        return new PageOf<>(items, paging.page(), paging.size(), total);
    }

    private PageOf<ObjectiveView> listBySeeks(Filter filter, Viewpoint at, Paging paging) {
        List<AggregationOperation> stages = new ArrayList<>(versionsAt(at));
        List<Criteria> filters = filters(filter);
        if (!filters.isEmpty()) {
            stages.add(Aggregation.match(new Criteria().andOperator(filters)));
        }
        stages.add(Aggregation.sort(Sort.by("objectiveId")));
        // the version number is the last event recorded by asOf: one more seek, for the page's objectives only
        stages.add(context -> new Document("$facet", new Document()
                .append("total", List.of(new Document("$group", new Document("_id", null)
                        .append("n", new Document("$sum", 1)))))
                .append("items", List.of(new Document("$skip", paging.offset()),
                        new Document("$limit", paging.size()),
                        seek("$objectiveId", new Document("recordedFrom", new Document("$lte", date(at))),
                                "latest")))));
        Document result = mongo.aggregate(Aggregation.newAggregation(stages), ObjectivePosition.COLLECTION,
                Document.class).getUniqueMappedResult();
        List<Document> totals = result == null ? List.of() : result.getList("total", Document.class);
        long total = totals.isEmpty() ? 0 : ((Number) totals.get(0).get("n")).longValue();
        List<ObjectiveView> items = result == null ? List.of() : result.getList("items", Document.class).stream()
                .map(row -> {
                    ObjectiveVersion v = version(row);
                    List<Document> latest = row.getList("latest", Document.class);
                    long number = latest.isEmpty() ? v.knownFromSequence()
                            : ((Number) latest.get(0).get("knownFromSequence")).longValue();
                    return ObjectiveView.of(v, number, at.asOf(), at.validAt());
                })
                .toList();
        return new PageOf<>(items, paging.page(), paging.size(), total);
    }

    /** From the positions (one per objective) to each objective's rectangle at the viewpoint, if it has one. */
    private static List<AggregationOperation> versionsAt(Viewpoint at) {
        String validAt = at.validAt().toString();
        Document holdsViewpoint = new Document("recordedFrom", new Document("$lte", date(at)))
                .append("recordedTo", new Document("$gt", date(at)))
                .append("validFrom", new Document("$lte", validAt))
                .append("validTo", new Document("$gt", validAt));
        return List.of(
                context -> seek("$_id", holdsViewpoint, "at"),
                context -> new Document("$unwind", "$at"),
                context -> new Document("$replaceRoot", new Document("newRoot", "$at")));
    }

    /**
     * A {@code $lookup} of the objective's latest rectangle, in recorded time, that matches {@code filter}: an
     * equality on {@code objectiveId} in {@code $expr} (which MongoDB 5.0+ serves from an index), then the order
     * of {@code objective_recorded} and a limit of one.
     */
    private static Document seek(String objectiveIdField, Document filter, String as) {
        Document match = new Document("$expr", new Document("$eq", List.of("$objectiveId", "$$objectiveId")));
        match.putAll(filter);
        return new Document("$lookup", new Document("from", ObjectiveVersion.COLLECTION)
                .append("let", new Document("objectiveId", objectiveIdField))
                .append("pipeline", List.of(new Document("$match", match),
                        new Document("$sort", new Document("recordedFrom", -1).append("knownFromSequence", -1)),
                        new Document("$limit", 1)))
                .append("as", as));
    }

    private static List<Criteria> filters(Filter filter) {
        List<Criteria> all = new ArrayList<>();
        if (filter.axis() != null) {
            all.add(where("axis").is(filter.axis()));
        }
        if (filter.priority() != null) {
            all.add(where("priority").is(filter.priority()));
        }
        if (filter.sponsor() != null) {
            all.add(where("sponsor").is(filter.sponsor()));
        }
        if (filter.status() != null) {
            all.add(where("status").is(filter.status().name()));
        }
        return all;
    }

    private ObjectiveVersion version(Document document) {
        return mongo.getConverter().read(ObjectiveVersion.class, document);
    }

    private static Date date(Viewpoint at) {
        return Date.from(at.asOf());
    }

    // One aggregation for the whole page: the last sequence each objective had recorded by asOf.
    private Map<String, Long> versionNumbers(List<String> objectiveIds, Viewpoint at) {
        if (objectiveIds.isEmpty()) {
            return Map.of();
        }
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(where("objectiveId").in(objectiveIds).and("recordedFrom").lte(at.asOf())),
                Aggregation.group("objectiveId").max("knownFromSequence").as("version"));
        Map<String, Long> numbers = new HashMap<>();
        for (Document row : mongo.aggregate(aggregation, ObjectiveVersion.COLLECTION, Document.class)) {
            numbers.put(row.getString("_id"), ((Number) row.get("version")).longValue());
        }
        return numbers;
    }
}
