package org.roadmapledger.query.objective;

import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.query.time.Viewpoint;
import org.roadmapledger.query.web.PageOf;
import org.roadmapledger.query.web.Paging;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Answers questions about objectives at a viewpoint from the versions, never from the event store. */
@Component
public class ObjectiveQueries {

    private final MongoTemplate mongo;
    private final ObjectiveVersionStore store;

    ObjectiveQueries(MongoTemplate mongo, ObjectiveVersionStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    public Optional<ObjectiveView> find(String objectiveId, Viewpoint at) {
        return store.find(objectiveId, at.asOf(), at.validAt().toString())
                .map(version -> ObjectiveView.of(version,
                        store.versionAt(objectiveId, at.asOf()).orElse(version.knownFromSequence()),
                        at.asOf(), at.validAt()));
    }

    /** Filters are exact matches; null means any. Sorted by objective id. */
    public PageOf<ObjectiveView> list(Filter filter, Viewpoint at, Paging paging) {
        Query query = Query.query(criteria(filter, at));
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

    /** Every objective's version at the viewpoint, of one roadmap, for the tree and its rollups. */
    public List<ObjectiveVersion> allOf(String roadmapId, Viewpoint at) {
        Query query = Query.query(where("roadmapId").is(roadmapId).andOperator(
                ObjectiveVersionStore.knownAt(at.asOf()), ObjectiveVersionStore.validOn(at.validAt().toString())));
        return mongo.find(query.with(Sort.by("objectiveId")), ObjectiveVersion.class);
    }

    public record Filter(String axis, String priority, String sponsor, ObjectiveStatus status) {
    }

    private static Criteria criteria(Filter filter, Viewpoint at) {
        List<Criteria> all = new ArrayList<>();
        all.add(ObjectiveVersionStore.knownAt(at.asOf()));
        all.add(ObjectiveVersionStore.validOn(at.validAt().toString()));
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
            all.add(where("status").is(filter.status()));
        }
        return new Criteria().andOperator(all);
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
        for (org.bson.Document row : mongo.aggregate(aggregation, ObjectiveVersion.COLLECTION, org.bson.Document.class)) {
            numbers.put(row.getString("_id"), ((Number) row.get("version")).longValue());
        }
        return numbers;
    }
}
