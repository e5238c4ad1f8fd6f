package org.roadmapledger.query.feed;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.AxonThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Where subscribers' events come from: Axon's {@link StreamableMessageSource} API, so the same code reads the JDBC
 * event store and Axon Server. On the JDBC store it is an {@link EmbeddedEventStore} of our own over the same
 * storage engine, whose only difference from the application's is how often it looks for events committed by
 * another process ({@code ledger.feed.poll-interval} instead of Axon's fixed second): that is the latency of the
 * live stream. On Axon Server it is the application's event store, which pushes events.
 */
@Component
public class LedgerSource implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LedgerSource.class);

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final EmbeddedEventStore own;

    LedgerSource(EventStore eventStore, ObjectProvider<EventStorageEngine> storageEngine,
                 FeedProperties properties) {
        EventStorageEngine engine = storageEngine.getIfAvailable();
        if (engine != null && eventStore instanceof EmbeddedEventStore) {
            own = EmbeddedEventStore.builder()
                    .storageEngine(engine)
                    .fetchDelay(Math.max(1, properties.pollInterval().toMillis()))
                    .timeUnit(TimeUnit.MILLISECONDS)
                    .cachedEvents(1000)
                    .threadFactory(new AxonThreadFactory("ledger-feed-store"))
                    .build();
            source = own;
            log.info("Subscribers read the JDBC event store, looking for new events every {} ms",
                    properties.pollInterval().toMillis());
        } else {
            own = null;
            source = eventStore;
            log.info("Subscribers read the application's event store ({})", eventStore.getClass().getSimpleName());
        }
    }

    BlockingStream<TrackedEventMessage<?>> openStream(Position from) {
        return source.openStream(from.toToken());
    }

    Position head() {
        return Position.of(source.createHeadToken());
    }

    Position at(Instant instant) {
        return Position.of(source.createTokenAt(instant));
    }

    @Override
    public void destroy() {
        if (own != null) {
            own.shutDown();
        }
    }
}
