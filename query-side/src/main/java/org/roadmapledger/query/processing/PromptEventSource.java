package org.roadmapledger.query.processing;

import org.axonframework.common.AxonThreadFactory;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The projections' event source: the event store, with streams that tell a pooled processor when to look again.
 * A pooled processor whose stream cannot call it back (the JDBC store's) looks for new events only every 500 ms
 * when idle, so a read with {@code minVersion} waited 250-500 ms for a command just made. Here, every
 * {@code wakeInterval}, each open stream's processor is asked to look (a cheap look at what the store has fetched);
 * a stream that calls back by itself (Axon Server's) is left to do so.
 */
public final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(new AxonThreadFactory("ledger-processor-wake"));

    public PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration wakeInterval) {
        this.store = store;
        long period = Math.max(1, wakeInterval.toMillis());
        ticker.scheduleWithFixedDelay(this::wakeAll, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new WakingStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    int waiting() {
        return waiting.size();
    }

    private void wakeAll() {
        for (Runnable wake : waiting) {
            try {
                wake.run();
            } catch (RuntimeException e) {
                // a processor that is stopping may refuse; the others still need their turn
                waiting.remove(wake);
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        waiting.clear();
    }

    private final class WakingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> events;
        private volatile Runnable wake;

        WakingStream(BlockingStream<TrackedEventMessage<?>> events) {
            this.events = events;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            if (events.setOnAvailableCallback(callback)) {
                return true;
            }
            Runnable previous = wake;
            if (previous != null) {
                waiting.remove(previous);
            }
            wake = callback;
            waiting.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return events.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return events.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return events.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return events.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            events.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable current = wake;
            if (current != null) {
                waiting.remove(current);
            }
            events.close();
        }
    }
}
