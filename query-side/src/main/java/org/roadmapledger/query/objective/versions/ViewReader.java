package org.roadmapledger.query.objective.versions;

import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds objectives' versions at a viewpoint in a few rounds of lookups by {@code _id}, however many objectives
 * and however long their histories: their positions (which slice holds {@code validAt} as known at {@code asOf}),
 * those slices (which of their versions was known then; for an old viewpoint of a slice that changed often, the
 * archive document holding it), those versions' states, their milestone lists, and,
 * where asked and needed, the buckets of recording instants that give each objective's version number at
 * {@code asOf}.
 */
final class ViewReader {

    private ViewReader() {
    }

    static Map<String, FoundVersion> at(ViewDocuments documents, Collection<String> objectiveIds, Instant asOf,
                                 LocalDate validAt, boolean withVersionNumbers) {
        Map<String, ObjectivePosition> timelines = new LinkedHashMap<>();
        Map<String, String> sliceIds = new LinkedHashMap<>();
        documents.positionsOf(objectiveIds).forEach((id, timeline) -> {
            timelines.put(id, timeline);
            timeline.sliceStartAt(asOf, validAt).ifPresent(start -> sliceIds.put(id, SliceVersions.id(id, start)));
        });
        Map<String, Document> sliceDocuments = documents.find(SliceVersions.COLLECTION, sliceIds.values());
        Map<String, SliceVersions> slices = new HashMap<>();
        Map<String, SliceVersions.Entry> entries = new HashMap<>();
        Map<String, String> stateIds = new HashMap<>();
        Map<String, String> archiveIds = new LinkedHashMap<>();
        sliceIds.forEach((objectiveId, sliceId) -> {
            Document document = sliceDocuments.get(sliceId);
            if (document == null) {
                return;
            }
            SliceVersions slice = SliceVersions.from(document);
            long lastSequence = timelines.get(objectiveId).lastSequence();
            if (!knownAt(slice, objectiveId, asOf, validAt, lastSequence, slices, entries, stateIds)) {
                slice.archiveHolding(asOf, lastSequence).ifPresent(id -> archiveIds.put(objectiveId, id));
            }
        });
        if (!archiveIds.isEmpty()) {
            // a viewpoint older than every version the slice's own document keeps: one more round, for those only
            Map<String, Document> archives = documents.find(SliceVersions.ARCHIVE, archiveIds.values());
            archiveIds.forEach((objectiveId, archiveId) -> {
                Document archive = archives.get(archiveId);
                if (archive != null) {
                    knownAt(SliceVersions.from(archive), objectiveId, asOf, validAt,
                            timelines.get(objectiveId).lastSequence(), slices, entries, stateIds);
                }
            });
        }
        Map<String, StateDocuments.Stored> states = StateDocuments.read(documents, stateIds.values(),
                new HashMap<>());
        Map<String, Long> numbers = withVersionNumbers ? versionNumbers(documents, timelines, stateIds.keySet(),
                asOf) : Map.of();
        Map<String, FoundVersion> found = new LinkedHashMap<>();
        for (String objectiveId : objectiveIds) {
            StateDocuments.Stored state = states.get(stateIds.get(objectiveId));
            if (state == null) {
                continue;
            }
            SliceVersions.Entry entry = entries.get(objectiveId);
            SliceVersions slice = slices.get(objectiveId);
            ObjectiveVersion version = ObjectiveVersion.of(slice.versionId(entry), state.state(), entry,
                    slice.validFrom());
            found.put(objectiveId, new FoundVersion(version, numbers.getOrDefault(objectiveId,
                    withVersionNumbers ? entry.knownFrom() : -1)));
        }
        return found;
    }

    // the version of the slice known at asOf, if it holds validAt; false when these versions cannot say
    private static boolean knownAt(SliceVersions slice, String objectiveId, Instant asOf, LocalDate validAt,
                                   long lastSequence, Map<String, SliceVersions> slices,
                                   Map<String, SliceVersions.Entry> entries, Map<String, String> stateIds) {
        Optional<SliceVersions.Entry> known = slice.knownAt(asOf, lastSequence);
        known.filter(entry -> entry.validTo() == null || entry.validTo().isAfter(validAt)).ifPresent(entry -> {
            slices.put(objectiveId, slice);
            entries.put(objectiveId, entry);
            stateIds.put(objectiveId, slice.stateId(entry));
        });
        return known.isPresent();
    }

    /** The last sequence number recorded by {@code asOf}; null when nothing was. */
    static Long versionNumber(ViewDocuments documents, ObjectivePosition timeline, Instant asOf) {
        return versionNumbers(documents, Map.of(timeline.objectiveId(), timeline), List.of(timeline.objectiveId()),
                asOf).get(timeline.objectiveId());
    }

    private static Map<String, Long> versionNumbers(ViewDocuments documents, Map<String, ObjectivePosition> timelines,
                                                    Collection<String> objectiveIds, Instant asOf) {
        Map<String, Long> numbers = new HashMap<>();
        Map<String, String> bucketIds = new HashMap<>();
        for (String objectiveId : objectiveIds) {
            ObjectivePosition.VersionLookup lookup = timelines.get(objectiveId).versionAt(asOf);
            if (lookup.bucket() >= 0) {
                bucketIds.put(objectiveId, RecordingBucket.id(objectiveId, lookup.bucket()));
            } else if (lookup.version() >= 0) {
                numbers.put(objectiveId, lookup.version());
            }
        }
        if (!bucketIds.isEmpty()) {
            Map<String, Document> buckets = documents.find(RecordingBucket.COLLECTION, bucketIds.values());
            bucketIds.forEach((objectiveId, bucketId) -> {
                Document bucket = buckets.get(bucketId);
                long number = bucket == null ? -1 : RecordingBucket.from(bucket).lastRecordedBy(asOf);
                if (number >= 0) {
                    numbers.put(objectiveId, Math.min(number, timelines.get(objectiveId).lastSequence()));
                }
            });
        }
        return numbers;
    }
}
