package org.roadmapledger.query.objective;

import jakarta.annotation.PostConstruct;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
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
     * Folds one event into the objective's versions: reads the slices as known just before it that are still in
     * effect on its effective date or later (in effective-date order: the only ones it can change; earlier slices
     * stay as they are, so a long history costs nothing per event), closes those it supersedes, opens those it
     * creates and moves the position on.
     */
    void apply(String objectiveId, ObjectiveEvent event, long sequence, Instant recordedAt) {
        Optional<List<ObjectiveVersion>> walked = walkBack(objectiveId, sequence, event.effectiveOn().toString());
        List<ObjectiveVersion> known = walked.orElseGet(() -> mongo.find(Query.query(where("objectiveId")
                        .is(objectiveId)
                        .and("knownFromSequence").lt(sequence)
                        .and("knownUntilSequence").gte(sequence)
                        .and("validTo").gt(event.effectiveOn().toString()))
                .with(Sort.by("validFrom")), ObjectiveVersion.class));
        SliceFolding.Change change = SliceFolding.fold(known.stream().map(ObjectiveVersion::toSlice).toList(), event);
        record(objectiveId, sequence, recordedAt, change, walked.isPresent());
    }

    /**
     * The open slices from the open-ended one back to the one in force on {@code effectiveOn}, each found by its
     * unique key (objective, validTo, open): one exact look-up for an event effective on the latest date. The
     * embedded MongoDB-wire server uses no index for a range query, so the query of {@link #apply} scans every
     * version of every objective, which made a replay quadratic. Empty when the open slices are not exactly the
     * ones known just before the event (a redelivery after a partial write, a lost position): then that query.
     */
    private Optional<List<ObjectiveVersion>> walkBack(String objectiveId, long sequence, String effectiveOn) {
        List<ObjectiveVersion> walked = new ArrayList<>();
        String validTo = ObjectiveVersion.OPEN_DATE;
        while (true) {
            ObjectiveVersion slice = mongo.findOne(openEndingOn(objectiveId, validTo), ObjectiveVersion.class);
            if (slice == null) {
                return walked.isEmpty() && sequence == 0 ? Optional.of(List.of()) : Optional.empty();
            }
            if (slice.knownFromSequence() >= sequence) {
                return Optional.empty();
            }
            walked.add(0, slice);
            if (slice.validFrom().compareTo(effectiveOn) <= 0) {
                return Optional.of(walked);
            }
            validTo = slice.validFrom();
        }
    }

    private static Query openEndingOn(String objectiveId, String validTo) {
        return Query.query(where("objectiveId").is(objectiveId).and("validTo").is(validTo)
                .and("knownUntilSequence").is(ObjectiveVersion.OPEN_SEQUENCE));
    }

    /**
     * Records what one event changed: superseded slices end, created ones begin, the position moves on. When the
     * superseded slices are the open ones found by their unique key, they are closed by it; otherwise by what
     * identifies a slice known just before the event.
     */
    private void record(String objectiveId, long sequence, Instant recordedAt, SliceFolding.Change change,
                        boolean supersededAreOpen) {
        // Ordered: the superseded slices close before the created ones open, so that the unique key never sees
        // two open slices of the objective ending on the same date.
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, ObjectiveVersion.class);
        boolean writes = false;
        for (Slice superseded : change.superseded()) {
            Query target = supersededAreOpen
                    ? openEndingOn(objectiveId, superseded.validTo() == null ? ObjectiveVersion.OPEN_DATE
                            : superseded.validTo().toString())
                    : Query.query(where("objectiveId").is(objectiveId)
                            .and("validFrom").is(superseded.validFrom().toString())
                            .and("knownFromSequence").lt(sequence)
                            .and("knownUntilSequence").gte(sequence));
            bulk.updateOne(target, new Update().set("knownUntilSequence", sequence).set("recordedTo", recordedAt));
            writes = true;
        }
        for (Slice created : change.created()) {
            ObjectiveVersion version = ObjectiveVersion.of(created, sequence, recordedAt);
            bulk.upsert(Query.query(where("_id").is(version.id())), insertOnly(version));
            writes = true;
        }
        if (writes) {
            bulk.execute();
        }
        mongo.upsert(Query.query(where("_id").is(objectiveId)), new Update().set("lastSequence", sequence),
                ObjectivePosition.class);
    }

    /**
     * Writes a created slice only if it is not there yet: redelivered after a later event closed it (a lost
     * position), it stays closed, as it was, rather than open beside the slice that replaced it.
     */
    private Update insertOnly(ObjectiveVersion version) {
        org.bson.Document fields = new org.bson.Document();
        mongo.getConverter().write(version, fields);
        Update update = new Update();
        fields.forEach((name, value) -> {
            if (!"_id".equals(name)) {
                update.setOnInsert(name, value);
            }
        });
        return update;
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
        createTilingIndex();
    }

    /**
     * The open slices of an objective tile its effective dates, and so do the slices one event closed: no two
     * versions share (objective, validTo, knownUntilSequence). Unique, so that the embedded MongoDB-wire server,
     * which has no other secondary indexes, finds a slice by it without a scan.
     */
    @PostConstruct
    void createTilingIndex() {
        mongo.indexOps(ObjectiveVersion.class).ensureIndex(new Index().named("objective_tiling").unique()
                .on("objectiveId", Sort.Direction.ASC).on("validTo", Sort.Direction.ASC)
                .on("knownUntilSequence", Sort.Direction.ASC));
    }
}
