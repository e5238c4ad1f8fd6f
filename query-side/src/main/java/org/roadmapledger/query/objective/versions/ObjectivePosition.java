package org.roadmapledger.query.objective.versions;

import org.bson.Document;
import org.bson.types.Binary;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * What a read of one objective needs first, and how far its views have got: its document of
 * {@code objective_positions}, {@code _id} the objective id. {@code lastSequence} is the last event applied
 * (other code relies on that field). The boundaries are the dates slices start on, each with when it was
 * recorded: they only ever grow (an event effective inside a slice splits it there), so the slice holding
 * {@code validAt} as known at {@code asOf} starts on the latest boundary on or before {@code validAt} among those
 * recorded by {@code asOf}. The recording instants of the events are kept in buckets of {@link #BUCKET_SIZE}
 * ({@link RecordingBucket}); this document keeps the first instant of each.
 *
 * <p>Boundaries and bucket starts are packed binaries (a date as its epoch day, an instant as epoch
 * milliseconds, big-endian): a long-lived objective has a boundary for nearly every day of its life, and reads
 * of 65 objectives per roadmap would otherwise decode hundreds of thousands of BSON elements.
 */
final class ObjectivePosition {

    static final String COLLECTION = ObjectiveVersionStore.POSITIONS;
    static final int BUCKET_SIZE = 256;
    private static final int BOUNDARY_BYTES = 4 + 8 + 8;

    record Boundary(LocalDate on, Instant at, long sequence) {
    }

    private final String objectiveId;
    private long lastSequence;
    private Instant lastRecordedAt;
    private String roadmapId;
    private LocalDate definedOn;
    private Instant definedAt;
    private final List<Boundary> boundaries;
    private final List<Instant> bucketStarts;

    private ObjectivePosition(String objectiveId, long lastSequence, Instant lastRecordedAt, String roadmapId,
                     LocalDate definedOn, Instant definedAt, List<Boundary> boundaries, List<Instant> bucketStarts) {
        this.objectiveId = objectiveId;
        this.lastSequence = lastSequence;
        this.lastRecordedAt = lastRecordedAt;
        this.roadmapId = roadmapId;
        this.definedOn = definedOn;
        this.definedAt = definedAt;
        this.boundaries = boundaries;
        this.bucketStarts = bucketStarts;
    }

    static ObjectivePosition unknown(String objectiveId) {
        return new ObjectivePosition(objectiveId, -1, null, null, null, null, new ArrayList<>(), new ArrayList<>());
    }

    String objectiveId() {
        return objectiveId;
    }

    int boundaryCount() {
        return boundaries.size();
    }

    long lastSequence() {
        return lastSequence;
    }

    String roadmapId() {
        return roadmapId;
    }

    LocalDate definedOn() {
        return definedOn;
    }

    Instant definedAt() {
        return definedAt;
    }

    /** The starts of the slices an event effective on that date can change: the one holding it and every later one. */
    List<LocalDate> startsFrom(LocalDate effectiveOn) {
        int from = Math.max(0, indexOnOrBefore(effectiveOn));
        List<LocalDate> starts = new ArrayList<>(boundaries.size() - from);
        for (int i = from; i < boundaries.size(); i++) {
            starts.add(boundaries.get(i).on());
        }
        return starts;
    }

    /** The start of the slice holding {@code validAt} as known at {@code asOf}, if the objective was in effect. */
    Optional<LocalDate> sliceStartAt(Instant asOf, LocalDate validAt) {
        for (int i = indexOnOrBefore(validAt); i >= 0; i--) {
            Boundary b = boundaries.get(i);
            if (!b.at().isAfter(asOf) && b.sequence() <= lastSequence) {
                return Optional.of(b.on());
            }
        }
        return Optional.empty();
    }

    /** The objective's version at {@code asOf} when this document alone tells it, else the bucket to look in. */
    VersionLookup versionAt(Instant asOf) {
        if (lastRecordedAt != null && !asOf.isBefore(lastRecordedAt)) {
            return new VersionLookup(lastSequence, -1);
        }
        int bucket = -1;
        for (int i = bucketStarts.size() - 1; i >= 0; i--) {
            if (!bucketStarts.get(i).isAfter(asOf)) {
                bucket = i;
                break;
            }
        }
        return new VersionLookup(-1, bucket);
    }

    /** Either the version ({@code bucket} -1), or the bucket to read it from; both -1: nothing recorded by then. */
    record VersionLookup(long version, int bucket) {
    }

    /** Undoes what a crash left of the event with that sequence number and later ones. */
    void prepareFor(long sequence) {
        boundaries.removeIf(b -> b.sequence() >= sequence);
        int buckets = (int) ((sequence + BUCKET_SIZE - 1) / BUCKET_SIZE);
        while (bucketStarts.size() > buckets) {
            bucketStarts.remove(bucketStarts.size() - 1);
        }
    }

    void recorded(long sequence, Instant recordedAt) {
        lastSequence = sequence;
        lastRecordedAt = recordedAt;
        if (sequence % BUCKET_SIZE == 0) {
            bucketStarts.add(recordedAt);
        }
    }

    void defined(String roadmap, LocalDate on, Instant at) {
        roadmapId = roadmap;
        definedOn = on;
        definedAt = at;
    }

    /** Adds a slice start unless it is one already. */
    void addBoundary(LocalDate on, Instant at, long sequence) {
        int i = indexOnOrBefore(on);
        if (i >= 0 && boundaries.get(i).on().equals(on)) {
            return;
        }
        boundaries.add(i + 1, new Boundary(on, at, sequence));
    }

    // the greatest boundary on or before the date, -1 if none
    private int indexOnOrBefore(LocalDate date) {
        int low = 0;
        int high = boundaries.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (boundaries.get(middle).on().isAfter(date)) {
                high = middle - 1;
            } else {
                low = middle + 1;
            }
        }
        return high;
    }

    Document toDocument() {
        ByteBuffer packed = ByteBuffer.allocate(boundaries.size() * BOUNDARY_BYTES);
        for (Boundary b : boundaries) {
            packed.putInt((int) b.on().toEpochDay()).putLong(b.at().toEpochMilli()).putLong(b.sequence());
        }
        ByteBuffer starts = ByteBuffer.allocate(bucketStarts.size() * 8);
        bucketStarts.forEach(at -> starts.putLong(at.toEpochMilli()));
        return new Document("_id", objectiveId).append("lastSequence", lastSequence)
                .append("lastRecordedAt", lastRecordedAt == null ? null : Date.from(lastRecordedAt))
                .append("roadmapId", roadmapId)
                .append("definedOn", definedOn == null ? null : definedOn.toString())
                .append("definedAt", definedAt == null ? null : Date.from(definedAt))
                .append("boundaries", new Binary(packed.array()))
                .append("bucketStarts", new Binary(starts.array()));
    }

    static ObjectivePosition from(Document document) {
        ByteBuffer packed = ByteBuffer.wrap(bytes(document.get("boundaries")));
        List<Boundary> boundaries = new ArrayList<>(packed.remaining() / BOUNDARY_BYTES);
        while (packed.hasRemaining()) {
            boundaries.add(new Boundary(LocalDate.ofEpochDay(packed.getInt()), Instant.ofEpochMilli(packed.getLong()),
                    packed.getLong()));
        }
        ByteBuffer starts = ByteBuffer.wrap(bytes(document.get("bucketStarts")));
        List<Instant> bucketStarts = new ArrayList<>(starts.remaining() / 8);
        while (starts.hasRemaining()) {
            bucketStarts.add(Instant.ofEpochMilli(starts.getLong()));
        }
        String definedOn = document.getString("definedOn");
        return new ObjectivePosition(document.getString("_id"), ((Number) document.get("lastSequence")).longValue(),
                instant(document.getDate("lastRecordedAt")), document.getString("roadmapId"),
                definedOn == null ? null : LocalDate.parse(definedOn), instant(document.getDate("definedAt")),
                boundaries, bucketStarts);
    }

    static byte[] bytes(Object value) {
        if (value == null) {
            return new byte[0];
        }
        return value instanceof Binary binary ? binary.getData() : (byte[]) value;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
