package org.roadmapledger.query.processing;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Idle processors on a store whose streams cannot call back are woken by the source, and only while open. */
class PromptEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final PromptEventSource source = new PromptEventSource(store, Duration.ofMillis(10));

    @AfterEach
    void stop() {
        source.close();
        store.shutDown();
    }

    @Test
    void a_stream_that_cannot_call_back_is_woken_until_it_is_closed() {
        // given
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger wakes = new AtomicInteger();

        // when
        boolean callsBack = stream.setOnAvailableCallback(wakes::incrementAndGet);

        // then
        assertThat(callsBack).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> wakes.get() >= 3);
        stream.close();
        assertThat(source.waiting()).isZero();
    }

    @Test
    void a_callback_given_again_replaces_the_first() {
        // given
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();
        stream.setOnAvailableCallback(first::incrementAndGet);

        // when
        stream.setOnAvailableCallback(second::incrementAndGet);

        // then
        assertThat(source.waiting()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.get() >= 1);
        stream.close();
    }

    @Test
    void the_stream_reads_the_store() throws InterruptedException {
        // given
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);

        // when
        store.publish(GenericEventMessage.asEventMessage("fact"));

        // then
        assertThat(stream.hasNextAvailable(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("fact");
        stream.close();
    }
}
