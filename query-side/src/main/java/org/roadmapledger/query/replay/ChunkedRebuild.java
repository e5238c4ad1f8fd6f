package org.roadmapledger.query.replay;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.roadmapledger.query.processing.ProcessingGroups;
import org.roadmapledger.query.processing.ViewProcessors;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds the views whose tokens a replay has just reset, with the view processors shut down: reads the event
 * stream once, in chunks of {@code ledger.processing.replay-chunk} events, and hands each chunk to every view
 * processor's own handlers and interceptors as one batch. A projection collects its writes over a batch
 * ({@code BatchedWrites}), so a document that many events change is written once a chunk instead of once for each
 * 500-event batch of each of the processor's four segments, and the payloads are read once for both processors.
 * Replaying 205,645 events (warm, 2 cores): 2,696 and 2,868 events/s through the processors, 4,172 and 4,675 in
 * chunks of 10,000; 631-678 -> 385-430 ms of CPU a 1,000 events (benchmarks/results/2026-12-08-chunked-rebuild.md,
 * which also gives the cost: in a 512 MB heap, 45-57 full collections a three-replay run instead of one).
 *
 * <p>Each processor's token (every segment's) is stored after its chunk's writes, as its work packages store it,
 * so a crash leaves views that hold a prefix of the stream plus documents of events beyond their objectives'
 * positions, which the processors, started again from that token, apply once more (the projections are
 * idempotent). A handler's failure is dead-lettered by the processor's invoker as in a processor; anything else
 * stops the rebuild, and the processors go on from the last chunk stored.
 */
final class ChunkedRebuild {

    private final ViewProcessors processors;
    private final TokenStore tokenStore;
    private final EventStore eventStore;
    private final int chunkSize;
    private final ExecutorService workers;
    private final AtomicLong position = new AtomicLong();

    ChunkedRebuild(ViewProcessors processors, TokenStore tokenStore, EventStore eventStore, int chunkSize,
                   ExecutorService workers) {
        this.processors = processors;
        this.tokenStore = tokenStore;
        this.eventStore = eventStore;
        this.chunkSize = chunkSize;
        this.workers = workers;
    }

    /** The position in the event stream up to which every view has been rebuilt and its token stored. */
    long position() {
        return position.get();
    }

    /** Rebuilds up to {@code head} (or further, to the end of a chunk); returns when done or interrupted. */
    void run(long head) throws InterruptedException, ExecutionException {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (!Thread.currentThread().isInterrupted()) {
                List<TrackedEventMessage<?>> chunk = nextChunk(stream, head);
                if (chunk.isEmpty()) {
                    return;
                }
                TrackingToken last = chunk.get(chunk.size() - 1).trackingToken();
                List<Future<?>> handled = new ArrayList<>();
                for (String name : ProcessingGroups.VIEWS) {
                    handled.add(workers.submit(() -> {
                        handle(name, chunk, last);
                        return null;
                    }));
                }
                awaitAll(handled);
                long reached = positionOf(last);
                position.set(reached);
                if (chunk.size() < chunkSize || reached >= head) {
                    return;
                }
            }
        }
    }

    /**
     * Waits for both processors' handling of a chunk, even when one fails, so that none is still writing (and about
     * to store its token) when the processors start again; then throws the first failure.
     */
    private static void awaitAll(List<Future<?>> handled) throws InterruptedException, ExecutionException {
        ExecutionException failed = null;
        for (Future<?> processor : handled) {
            try {
                processor.get();
            } catch (ExecutionException e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * Up to a chunk of the events available now, ending at the first one at or beyond {@code head}; events that
     * share their last one's token (an upcaster's output) stay together, since the token cannot tell them apart.
     */
    private List<TrackedEventMessage<?>> nextChunk(BlockingStream<TrackedEventMessage<?>> stream, long head)
            throws InterruptedException {
        List<TrackedEventMessage<?>> chunk = new ArrayList<>(chunkSize);
        while (stream.hasNextAvailable()) {
            TrackedEventMessage<?> next = stream.peek().orElseThrow();
            if (!chunk.isEmpty()) {
                TrackingToken previous = chunk.get(chunk.size() - 1).trackingToken();
                boolean full = chunk.size() >= chunkSize || positionOf(previous) >= head;
                if (full && !Objects.equals(next.trackingToken(), previous)) {
                    break;
                }
            }
            chunk.add(stream.nextAvailable());
        }
        return chunk;
    }

    private void handle(String name, List<TrackedEventMessage<?>> chunk, TrackingToken last) throws Exception {
        if (!(processors.processor(name) instanceof AbstractEventProcessor processor)) {
            throw new IllegalStateException(name + " is not a processor whose handlers a rebuild can call");
        }
        int[] segments = tokenStore.fetchSegments(name);
        // each event handled as the segment it belongs to, as the processor's own batches handle it: the dead-letter
        // invoker remembers by segment which objectives it parked, and the processor goes on with those segments
        Segment[] owned = Segment.computeSegments(segments);
        BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(chunk);
        unitOfWork.onPrepareCommit(u -> {
            for (int segment : segments) {
                tokenStore.storeToken(last, name, segment);
            }
        });
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<EventMessage<?>>(
                unitOfWork, processor.getHandlerInterceptors(), message -> {
            for (Segment segment : owned) {
                processor.eventHandlerInvoker().handle(message, segment);
            }
            return null;
        }).proceed(), RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException(name + " could not rebuild a chunk", result.exceptionResult());
        }
    }

    /** A token's position in the stream, 0 for none (the tail). */
    static long positionOf(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
