package org.roadmapledger.query.objective;

import jakarta.annotation.PostConstruct;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads and writes the objective versions and positions; every change is an explicit, targeted write. */
@Component
public class ObjectiveVersionStore {

    /** The order of the {@code objective_recorded} index: latest recorded first, then latest event first. */
    static final Sort LATEST_FIRST = Sort.by(Sort.Order.desc("recordedFrom"), Sort.Order.desc("knownFromSequence"));

    private final MongoTemplate mongo;

    ObjectiveVersionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Declared here, created at start-up before any event is processed. {@code objective_alive} serves the
     * projection: an event only reads and closes the slices still known when it arrives (open ones, or closed by
     * itself on a redelivery). {@code objective_recorded} serves every read: within one objective, walking the
     * rectangles backwards in recorded time from {@code asOf}, the first one that holds {@code validAt} is the
     * answer, so a read stops after a handful of keys instead of scanning the objective's whole history.
     */
    @PostConstruct
    void createIndexes() {
        var versions = mongo.indexOps(ObjectiveVersion.class);
        versions.ensureIndex(new Index().named("objective_alive")
                .on("objectiveId", Sort.Direction.ASC).on("knownUntilSequence", Sort.Direction.ASC)
                .on("validTo", Sort.Direction.ASC));
        versions.ensureIndex(new Index().named("objective_recorded")
                .on("objectiveId", Sort.Direction.ASC).on("recordedFrom", Sort.Direction.DESC)
                .on("knownFromSequence", Sort.Direction.DESC));
    }

    long lastSequence(String objectiveId) {
        ObjectivePosition position = mongo.findById(objectiveId, ObjectivePosition.class);
        return position == null ? -1 : position.lastSequence();
    }

    /**
     * The slices as known just before the event with that sequence number that are still in effect on
     * {@code effectiveOn} or later, in effective-date order: the only ones an event effective that day can change.
     * Earlier slices stay as they are, so a long history costs nothing per event.
     */
    List<Slice> slicesBefore(String objectiveId, long sequence, LocalDate effectiveOn) {
        Query query = Query.query(where("objectiveId").is(objectiveId)
                        .and("knownFromSequence").lt(sequence)
                        .and("knownUntilSequence").gte(sequence)
                        .and("validTo").gt(effectiveOn.toString()))
                .with(Sort.by("validFrom"));
        return mongo.find(query, ObjectiveVersion.class).stream().map(ObjectiveVersion::toSlice).toList();
    }

    /** Records what one event changed: superseded slices end, created ones begin, the position moves on. */
    void record(String objectiveId, long sequence, Instant recordedAt, SliceFolding.Change change) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, ObjectiveVersion.class);
        boolean writes = false;
        for (Slice superseded : change.superseded()) {
            bulk.updateOne(Query.query(where("objectiveId").is(objectiveId)
                            .and("validFrom").is(superseded.validFrom().toString())
                            .and("knownFromSequence").lt(sequence)
                            .and("knownUntilSequence").gte(sequence)),
                    new Update().set("knownUntilSequence", sequence).set("recordedTo", recordedAt));
            writes = true;
        }
        for (Slice created : change.created()) {
            ObjectiveVersion version = ObjectiveVersion.of(created, sequence, recordedAt);
            bulk.replaceOne(Query.query(where("_id").is(version.id())), version,
                    FindAndReplaceOptions.options().upsert());
            writes = true;
        }
        if (writes) {
            bulk.execute();
        }
        mongo.upsert(Query.query(where("_id").is(objectiveId)), new Update().set("lastSequence", sequence),
                ObjectivePosition.class);
    }

    /** The version of the objective effective at {@code validAt} as known at {@code asOf}. */
    Optional<ObjectiveVersion> find(String objectiveId, Instant asOf, String validAt) {
        Query query = Query.query(where("objectiveId").is(objectiveId).andOperator(knownAt(asOf), validOn(validAt)))
                .with(LATEST_FIRST).limit(1);
        return Optional.ofNullable(mongo.findOne(query, ObjectiveVersion.class));
    }

    /** The objective's version number as known at {@code asOf}: the last sequence recorded by then. */
    Optional<Long> versionAt(String objectiveId, Instant asOf) {
        Query query = Query.query(where("objectiveId").is(objectiveId).and("recordedFrom").lte(asOf))
                .with(LATEST_FIRST).limit(1);
        query.fields().include("knownFromSequence");
        return Optional.ofNullable(mongo.findOne(query, org.bson.Document.class, ObjectiveVersion.COLLECTION))
                .map(latest -> ((Number) latest.get("knownFromSequence")).longValue());
    }

    static Criteria knownAt(Instant asOf) {
        return new Criteria().andOperator(where("recordedFrom").lte(asOf), where("recordedTo").gt(asOf));
    }

    static Criteria validOn(String validAt) {
        return new Criteria().andOperator(where("validFrom").lte(validAt), where("validTo").gt(validAt));
    }

    void deleteAll() {
        mongo.dropCollection(ObjectiveVersion.class);
        mongo.dropCollection(ObjectivePosition.class);
        createIndexes();
    }
}
