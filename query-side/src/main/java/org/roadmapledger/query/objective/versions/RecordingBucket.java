package org.roadmapledger.query.objective.versions;

import org.bson.Document;
import org.bson.types.Binary;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;

/**
 * When each of {@link ObjectivePosition#BUCKET_SIZE} consecutive events of an objective was recorded: one document of
 * {@code objective_recordings}, {@code _id} {@code objectiveId#bucket}, the instants packed as big-endian epoch
 * milliseconds. An objective's version at {@code asOf} is the last sequence number recorded by then; the events of
 * one objective are recorded in sequence order, so a binary search finds it.
 */
record RecordingBucket(String objectiveId, int index, long[] recordedAt) {

    static final String COLLECTION = ObjectiveVersionStore.RECORDINGS;

    static String id(String objectiveId, int index) {
        return objectiveId + "#" + index;
    }

    static int indexOf(long sequence) {
        return (int) (sequence / ObjectivePosition.BUCKET_SIZE);
    }

    String id() {
        return id(objectiveId, index);
    }

    /** This bucket with the instant of the event with that sequence number, and without any later ones. */
    RecordingBucket with(long sequence, Instant at) {
        int position = (int) (sequence - (long) index * ObjectivePosition.BUCKET_SIZE);
        long[] kept = Arrays.copyOf(recordedAt, position + 1);
        kept[position] = at.toEpochMilli();
        return new RecordingBucket(objectiveId, index, kept);
    }

    /** The last sequence number of this bucket recorded by {@code asOf}, or -1. */
    long lastRecordedBy(Instant asOf) {
        long limit = asOf.toEpochMilli();
        int low = 0;
        int high = recordedAt.length - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (recordedAt[middle] > limit) {
                high = middle - 1;
            } else {
                low = middle + 1;
            }
        }
        return high < 0 ? -1 : (long) index * ObjectivePosition.BUCKET_SIZE + high;
    }

    Document toDocument() {
        ByteBuffer packed = ByteBuffer.allocate(recordedAt.length * 8);
        for (long at : recordedAt) {
            packed.putLong(at);
        }
        return new Document("_id", id()).append("objectiveId", objectiveId).append("bucket", index)
                .append("recordedAt", new Binary(packed.array()));
    }

    static RecordingBucket from(Document document) {
        ByteBuffer packed = ByteBuffer.wrap(ObjectivePosition.bytes(document.get("recordedAt")));
        long[] instants = new long[packed.remaining() / 8];
        for (int i = 0; i < instants.length; i++) {
            instants[i] = packed.getLong();
        }
        return new RecordingBucket(document.getString("objectiveId"), ((Number) document.get("bucket")).intValue(),
                instants);
    }

    static RecordingBucket empty(String objectiveId, int index) {
        return new RecordingBucket(objectiveId, index, new long[0]);
    }
}
