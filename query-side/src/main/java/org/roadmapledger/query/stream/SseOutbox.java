package org.roadmapledger.query.stream;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;

/**
 * The frames waiting for one SSE client, bounded: the feed hands the client more only while fewer than
 * {@code highWater} bytes wait, and is woken when a write makes room again. Frames leave in chunks of up to 32 KiB, so
 * a client catching up costs few writes. Every method is atomic: the feed's threads add, the container's writes take.
 */
final class SseOutbox {

    private static final int CHUNK = 32 * 1024;

    private final ArrayDeque<byte[]> frames = new ArrayDeque<>();
    private final long highWater;
    private long queued;
    private boolean closing;
    /** The feed found no room here and waits to be woken when there is: set when room is refused. */
    private boolean wantsRoom;
    private long lastQueuedNanos = System.nanoTime();
    private long lastWrittenNanos = System.nanoTime();
    private String lastId;

    SseOutbox(long highWater) {
        this.highWater = highWater;
    }

    synchronized boolean hasRoom() {
        boolean room = !closing && queued < highWater;
        wantsRoom |= !room;
        return room;
    }

    /** Queues a frame, with the position it ends at (null for none); false once closing. */
    synchronized boolean add(byte[] frame, String id) {
        if (closing) {
            return false;
        }
        frames.add(frame);
        queued += frame.length;
        lastQueuedNanos = System.nanoTime();
        if (id != null) {
            lastId = id;
        }
        return true;
    }

    /** Queues the last frame, after what waits or instead of it; false when already closing. */
    synchronized boolean close(byte[] last, boolean dropQueued) {
        if (closing) {
            return false;
        }
        if (dropQueued) {
            frames.clear();
            queued = 0;
        }
        frames.add(last);
        queued += last.length;
        closing = true;
        return true;
    }

    /** Drops everything: the response ends at once. */
    synchronized void abort() {
        closing = true;
        frames.clear();
        queued = 0;
    }

    /** The next bytes to write, several frames joined up to a chunk; null when nothing waits. */
    synchronized byte[] nextChunk() {
        if (frames.isEmpty()) {
            return null;
        }
        byte[] first = frames.poll();
        if (frames.isEmpty() || first.length >= CHUNK) {
            queued -= first.length;
            lastWrittenNanos = System.nanoTime();
            return first;
        }
        ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK);
        chunk.writeBytes(first);
        while (!frames.isEmpty() && chunk.size() + frames.peek().length <= CHUNK) {
            chunk.writeBytes(frames.poll());
        }
        queued -= chunk.size();
        lastWrittenNanos = System.nanoTime();
        return chunk.toByteArray();
    }

    synchronized boolean closingAndEmpty() {
        return closing && frames.isEmpty();
    }

    /**
     * Whether the feed, told there was no room, is to be woken now that there is: true once per refusal, so whoever
     * made room wakes it and no wake-up is lost.
     */
    synchronized boolean takeWake() {
        boolean wake = wantsRoom && !closing && queued < highWater;
        wantsRoom &= !wake;
        return wake;
    }

    /** Frames wait, and the client has taken none for that long. */
    synchronized boolean stalled(long now, long stallNanos) {
        return !frames.isEmpty() && now - lastWrittenNanos > stallNanos;
    }

    /** Nothing was queued for that long. */
    synchronized boolean quiet(long now, long heartbeatNanos) {
        return now - lastQueuedNanos >= heartbeatNanos;
    }

    /** The position, unless it is the one the client was last given. */
    synchronized String idIfNew(String position) {
        return position.equals(lastId) ? null : position;
    }

    @Override
    public synchronized String toString() {
        return "queued=" + queued + " closing=" + closing + " frames=" + frames.size();
    }
}
