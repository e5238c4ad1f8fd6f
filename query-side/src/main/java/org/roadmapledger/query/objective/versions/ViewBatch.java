package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.objective.fold.ObjectiveState;
import org.roadmapledger.query.objective.fold.SliceFolding;
import org.roadmapledger.query.objective.fold.Slice;
import org.roadmapledger.query.objective.fold.MilestoneState;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documents that a batch of events reads and changes, kept in memory until the batch ends and then written
 * once each, by {@code _id}: the milestone lists and states first, then the slices (after the archives of their
 * settled versions), the recording instants and the directory, and each objective's position last. An event
 * reads its objective's position and the slices it can change (the one holding its effective date and every later
 * one) with their open versions' states, folds itself in with {@link SliceFolding}, and changes only these documents.
 *
 * <p>No transaction spans these writes. A crash between them leaves documents written by events beyond the
 * position; applying those events again first undoes what they left ({@link ObjectivePosition#prepareFor},
 * {@link SliceVersions#before}), so it gives the same documents, and reads ignore it meanwhile.
 */
final class ViewBatch {

    private final ViewDocuments documents;
    private final int archiveChunk;
    private final Map<String, ObjectivePosition> timelines = new HashMap<>();
    /** Each objective's position as stored when the batch first read it. */
    private final Map<String, Long> settled = new HashMap<>();
    private final Map<String, SliceVersions> slices = new HashMap<>();
    private final Map<String, ObjectiveState> states = new HashMap<>();
    private final Map<String, String> stateMilestones = new HashMap<>();
    private final Map<String, List<MilestoneState>> milestoneLists = new HashMap<>();
    private final Map<String, RecordingBucket> buckets = new HashMap<>();
    private final Set<String> changedTimelines = new LinkedHashSet<>();
    private final Set<String> changedSlices = new LinkedHashSet<>();
    private final Set<String> changedBuckets = new LinkedHashSet<>();
    private final Map<String, Document> createdStates = new LinkedHashMap<>();
    private final Map<String, Document> createdMilestoneLists = new LinkedHashMap<>();
    private final List<DirectoryEntry> enrolled = new ArrayList<>();

    ViewBatch(ViewDocuments documents) {
        this(documents, SliceVersions.ARCHIVE_CHUNK);
    }

    ViewBatch(ViewDocuments documents, int archiveChunk) {
        this.documents = documents;
        this.archiveChunk = archiveChunk;
    }

    long lastSequence(String objectiveId) {
        return timeline(objectiveId).lastSequence();
    }

    /** Folds in the objective's event with that sequence number, the next one after its position. */
    void apply(String objectiveId, long sequence, Instant recordedAt, ObjectiveEvent event) {
        ObjectivePosition timeline = timeline(objectiveId);
        timeline.prepareFor(sequence);
        List<SliceVersions> affected = affectedSlices(timeline, event.effectiveOn(), sequence);
        List<Slice> current = currentSlices(affected);
        SliceFolding.Change change = SliceFolding.fold(current, event);
        Map<LocalDate, String> currentStateIds = new HashMap<>();
        for (SliceVersions slice : affected) {
            slice.open().ifPresent(open -> currentStateIds.put(slice.validFrom(), slice.stateId(open)));
        }

        for (Slice superseded : change.superseded()) {
            String id = SliceVersions.id(objectiveId, superseded.validFrom());
            slices.put(id, slices.get(id).closedBy(sequence, recordedAt));
            changedSlices.add(id);
        }
        for (Slice created : change.created()) {
            String id = SliceVersions.id(objectiveId, created.validFrom());
            SliceVersions slice = slices.getOrDefault(id, SliceVersions.empty(objectiveId, created.validFrom()));
            String shared = unchangedState(created, change.superseded(), currentStateIds);
            slices.put(id, slice.with(new SliceVersions.Entry(sequence, ObjectiveVersion.OPEN_SEQUENCE, recordedAt,
                    ObjectiveVersion.OPEN_INSTANT, created.validTo(), shared)));
            changedSlices.add(id);
            if (shared == null) {
                String stateId = SliceVersions.stateId(objectiveId, created.validFrom(), sequence);
                String milestonesId = milestonesOf(created, change.superseded(), currentStateIds, stateId);
                states.put(stateId, created.state());
                stateMilestones.put(stateId, milestonesId);
                createdStates.put(stateId, StateDocuments.toDocument(stateId, created.state(), milestonesId));
            }
            timeline.addBoundary(created.validFrom(), recordedAt, sequence);
        }
        if (event instanceof ObjectiveDefined defined) {
            timeline.defined(defined.roadmapId().value(), defined.effectiveOn(), recordedAt);
            enrolled.add(new DirectoryEntry(objectiveId, defined.roadmapId().value(), defined.effectiveOn(),
                    recordedAt));
        }
        record(objectiveId, sequence, recordedAt);
        timeline.recorded(sequence, recordedAt);
        changedTimelines.add(objectiveId);
    }

    /**
     * The state document a created slice can share, when its state equals that of the version it supersedes in the
     * same slice: the earlier part of a split slice, or a slice the event does not change. Null when it needs its own.
     */
    private static String unchangedState(Slice created, List<Slice> superseded, Map<LocalDate, String> stateIds) {
        for (Slice before : superseded) {
            if (before.validFrom().equals(created.validFrom()) && before.state().equals(created.state())) {
                return stateIds.get(before.validFrom());
            }
        }
        return null;
    }

    /**
     * The milestone list of a created state: that of a version it supersedes when the event left the milestones
     * as they were there (most events), else a new one under the state's own id; null when there are none.
     */
    private String milestonesOf(Slice created, List<Slice> superseded, Map<LocalDate, String> stateIds,
                                String stateId) {
        List<MilestoneState> milestones = created.state().milestones();
        if (milestones.isEmpty()) {
            return null;
        }
        for (Slice before : superseded) {
            String shared = stateMilestones.get(stateIds.get(before.validFrom()));
            if (shared != null && before.state().milestones().equals(milestones)) {
                return shared;
            }
        }
        createdMilestoneLists.put(stateId, MilestoneLists.toDocument(stateId, milestones));
        milestoneLists.put(stateId, milestones);
        return stateId;
    }

    /**
     * Reads, in one request per collection, what the events of a batch read first: their objectives' positions,
     * the slices from each objective's earliest effective date in the batch on, their open versions' states, and
     * the bucket of each objective's next event. What an event needs beyond that (a slice or bucket
     * the batch itself started) is read when it is handled, as without this.
     */
    void prefetch(List<? extends EventMessage<?>> events) {
        Map<String, LocalDate> earliest = new LinkedHashMap<>();
        for (EventMessage<?> message : events) {
            if (message.getPayload() instanceof ObjectiveEvent event) {
                earliest.merge(event.objectiveId().value(), event.effectiveOn(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<String> unknown = earliest.keySet().stream().filter(id -> !timelines.containsKey(id)).toList();
        Map<String, Document> positions = documents.find(ObjectivePosition.COLLECTION, unknown);
        for (String objectiveId : unknown) {
            Document stored = positions.get(objectiveId);
            ObjectivePosition timeline = stored == null ? ObjectivePosition.unknown(objectiveId) : ObjectivePosition.from(stored);
            settled.put(objectiveId, timeline.lastSequence());
            // what events beyond the position left before a crash is not read ahead: their next application
            // starts from what the position covers, as apply does
            timeline.prepareFor(timeline.lastSequence() + 1);
            timelines.put(objectiveId, timeline);
        }
        List<String> sliceIds = new ArrayList<>();
        earliest.forEach((objectiveId, on) -> timelines.get(objectiveId).startsFrom(on).stream()
                .map(start -> SliceVersions.id(objectiveId, start)).filter(id -> !slices.containsKey(id))
                .forEach(sliceIds::add));
        List<String> stateIds = new ArrayList<>();
        documents.find(SliceVersions.COLLECTION, sliceIds).forEach((id, document) -> {
            SliceVersions slice = SliceVersions.from(document);
            slices.put(id, slice);
            SliceVersions before = slice.before(timelines.get(slice.objectiveId()).lastSequence() + 1);
            before.open().map(before::stateId).filter(stateId -> !states.containsKey(stateId))
                    .ifPresent(stateIds::add);
        });
        readStates(stateIds);
        List<String> bucketIds = new ArrayList<>();
        for (String objectiveId : earliest.keySet()) {
            long next = timelines.get(objectiveId).lastSequence() + 1;
            String id = RecordingBucket.id(objectiveId, RecordingBucket.indexOf(next));
            if (next > 0 && next % ObjectivePosition.BUCKET_SIZE != 0 && !buckets.containsKey(id)) {
                bucketIds.add(id);
            }
        }
        documents.find(RecordingBucket.COLLECTION, bucketIds)
                .forEach((id, document) -> buckets.put(id, RecordingBucket.from(document)));
    }

    /**
     * Writes what changed since the last flush; returns the position each changed objective has reached.
     * Positions go last, so that a position never claims an event whose documents are not all written.
     */
    Map<String, Long> flush() {
        documents.insertOnce(MilestoneLists.COLLECTION, new ArrayList<>(createdMilestoneLists.values()));
        documents.insertOnce(StateDocuments.COLLECTION, new ArrayList<>(createdStates.values()));
        List<Document> archives = new ArrayList<>();
        List<Document> changed = new ArrayList<>(changedSlices.size());
        for (String id : changedSlices) {
            SliceVersions slice = slices.get(id);
            slice = slice.archive(settled.getOrDefault(slice.objectiveId(), -1L), archiveChunk, archives);
            slices.put(id, slice);
            changed.add(slice.toDocument());
        }
        // the archives before the slices that list them: a slice never names an archive that is not written
        documents.insertOnce(SliceVersions.ARCHIVE, archives);
        documents.replace(SliceVersions.COLLECTION, changed);
        documents.replace(RecordingBucket.COLLECTION,
                changedBuckets.stream().map(id -> buckets.get(id).toDocument()).toList());
        documents.enroll(List.copyOf(enrolled));
        Map<String, Long> reached = new LinkedHashMap<>();
        List<Document> positions = new ArrayList<>(changedTimelines.size());
        for (String objectiveId : changedTimelines) {
            ObjectivePosition timeline = timelines.get(objectiveId);
            positions.add(timeline.toDocument());
            reached.put(objectiveId, timeline.lastSequence());
        }
        documents.replace(ObjectivePosition.COLLECTION, positions);
        settled.putAll(reached);
        createdMilestoneLists.clear();
        createdStates.clear();
        changedSlices.clear();
        changedBuckets.clear();
        enrolled.clear();
        changedTimelines.clear();
        return reached;
    }

    private ObjectivePosition timeline(String objectiveId) {
        return timelines.computeIfAbsent(objectiveId, id -> {
            Document stored = documents.find(ObjectivePosition.COLLECTION, List.of(id)).get(id);
            ObjectivePosition timeline = stored == null ? ObjectivePosition.unknown(id) : ObjectivePosition.from(stored);
            settled.put(id, timeline.lastSequence());
            return timeline;
        });
    }

    // the slices holding effectiveOn and later, as they were before that sequence number, in date order
    private List<SliceVersions> affectedSlices(ObjectivePosition timeline, LocalDate effectiveOn, long sequence) {
        List<String> ids = timeline.startsFrom(effectiveOn).stream()
                .map(start -> SliceVersions.id(timeline.objectiveId(), start)).toList();
        List<String> missing = ids.stream().filter(id -> !slices.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            documents.find(SliceVersions.COLLECTION, missing)
                    .forEach((id, document) -> slices.put(id, SliceVersions.from(document)));
        }
        List<SliceVersions> affected = new ArrayList<>(ids.size());
        for (String id : ids) {
            SliceVersions slice = slices.get(id);
            if (slice == null) {
                continue;
            }
            SliceVersions before = slice.before(sequence);
            if (before != slice) {
                slices.put(id, before);
                changedSlices.add(id);
            }
            affected.add(before);
        }
        return affected;
    }

    private List<Slice> currentSlices(List<SliceVersions> affected) {
        List<String> missing = new ArrayList<>();
        for (SliceVersions slice : affected) {
            slice.open().map(slice::stateId).filter(id -> !states.containsKey(id)).ifPresent(missing::add);
        }
        readStates(missing);
        List<Slice> current = new ArrayList<>(affected.size());
        for (SliceVersions slice : affected) {
            slice.open().ifPresent(open -> current.add(new Slice(slice.validFrom(), open.validTo(),
                    states.get(slice.stateId(open)))));
        }
        return current;
    }

    private void readStates(List<String> ids) {
        StateDocuments.read(documents, ids, milestoneLists).forEach((id, stored) -> {
            states.put(id, stored.state());
            stateMilestones.put(id, stored.milestonesId());
        });
    }

    private void record(String objectiveId, long sequence, Instant recordedAt) {
        int index = RecordingBucket.indexOf(sequence);
        String id = RecordingBucket.id(objectiveId, index);
        RecordingBucket bucket = buckets.get(id);
        if (bucket == null) {
            Document stored = sequence % ObjectivePosition.BUCKET_SIZE == 0 ? null
                    : documents.find(RecordingBucket.COLLECTION, List.of(id)).get(id);
            bucket = stored == null ? RecordingBucket.empty(objectiveId, index) : RecordingBucket.from(stored);
        }
        buckets.put(id, bucket.with(sequence, recordedAt));
        changedBuckets.add(id);
    }
}
