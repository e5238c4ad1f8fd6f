package org.roadmapledger.query.replay;

import java.time.Instant;
import java.util.List;

/**
 * Where a replay stands. Events are counted by position in the event stream (the global index on PostgreSQL,
 * where rolled-back appends leave a few unused numbers): {@code eventsApplied} is the position every view has
 * reached, {@code eventsTotal} the head of the stream when the replay began.
 */
public record ReplayProgress(
        Replay.State state,
        Instant startedAt,
        Instant finishedAt,
        long eventsApplied,
        long eventsTotal,
        double percent,
        double eventsPerSecond,
        Long etaSeconds,
        List<Processor> processors) {

    /** One view processor: its segments claimed here, how many still replay, and the lowest position reached. */
    public record Processor(String name, int segments, int segmentsClaimed, int segmentsReplaying, long position,
                            String error) {
    }

    static ReplayProgress idle() {
        return new ReplayProgress(Replay.State.IDLE, null, null, 0, 0, 0, 0, null, List.of());
    }
}
