package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.objective.RecordedEvent;
import org.roadmapledger.query.objective.fold.ObjectiveState;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One objective's views built and read by the code the projection and the queries run ({@link ViewBatch},
 * {@link ViewReader}), on documents kept in maps: the folding and the stored form, without a database.
 */
final class InMemoryRectangles {

    private final InMemoryDocuments documents = new InMemoryDocuments();
    private String objectiveId;

    void apply(RecordedEvent recorded) {
        objectiveId = recorded.event().objectiveId().value();
        // versions move out into archives as early as they can, so that reads are tried across them
        ViewBatch batch = new ViewBatch(documents, 1);
        batch.apply(objectiveId, recorded.sequence(), recorded.recordedAt(), recorded.event());
        batch.flush();
    }

    /**
     * The rectangle the reads find at the point, together with every stored rectangle that holds it: the
     * bitemporal plane is tiled, so all are the same one, or there is none.
     */
    List<ObjectiveVersion> at(Instant asOf, LocalDate validAt) {
        Set<ObjectiveVersion> found = new LinkedHashSet<>();
        ViewReader.at(documents, List.of(objectiveId), asOf, validAt, false).values()
                .forEach(f -> found.add(f.version()));
        List<Document> stores = new ArrayList<>(documents.all(SliceVersions.COLLECTION));
        stores.addAll(documents.all(SliceVersions.ARCHIVE));
        for (Document stored : stores) {
            SliceVersions slice = SliceVersions.from(stored);
            for (SliceVersions.Entry e : slice.entries()) {
                boolean known = !e.recordedFrom().isAfter(asOf) && e.recordedTo().isAfter(asOf);
                boolean valid = !slice.validFrom().isAfter(validAt)
                        && (e.validTo() == null || e.validTo().isAfter(validAt));
                if (known && valid) {
                    ObjectiveState state = StateDocuments.read(documents, List.of(slice.stateId(e)), new HashMap<>())
                            .get(slice.stateId(e)).state();
                    found.add(ObjectiveVersion.of(slice.versionId(e), state, e,
                            slice.validFrom()));
                }
            }
        }
        return List.copyOf(found);
    }

    Optional<Long> versionAt(Instant asOf) {
        Document position = documents.find(ObjectivePosition.COLLECTION, List.of(objectiveId)).get(objectiveId);
        return Optional.ofNullable(ViewReader.versionNumber(documents, ObjectivePosition.from(position), asOf));
    }

    /** How many state documents are stored. */
    int states() {
        return documents.all(StateDocuments.COLLECTION).size();
    }

    /** How many rectangles are stored. */
    int size() {
        return documents.all(SliceVersions.COLLECTION).stream()
                .mapToInt(d -> SliceVersions.from(d).entries().size()).sum();
    }
}
