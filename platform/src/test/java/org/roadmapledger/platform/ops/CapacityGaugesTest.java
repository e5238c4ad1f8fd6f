package org.roadmapledger.platform.ops;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CapacityGaugesTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final CapacityGauges capacity = new CapacityGauges("eventProcessor", registry,
            message -> Tags.of("payloadType", message.getPayloadType().getSimpleName(), "processorName", "views"));

    @Test
    void each_tag_set_gets_a_gauge_of_its_share_of_the_last_ten_minutes() {
        // when
        handle("a string", Duration.ofSeconds(30));
        handle(42, Duration.ofSeconds(6));

        // then
        assertThat(gauge("String")).isCloseTo(30.0 / 600, within(1e-9));
        assertThat(gauge("Integer")).isCloseTo(6.0 / 600, within(1e-9));
    }

    @Test
    void failed_and_ignored_messages_took_time_too() {
        // when
        MessageMonitor.MonitorCallback failed = capacity.onMessageIngested(GenericEventMessage.asEventMessage("x"));
        clock.add(12, TimeUnit.SECONDS);
        failed.reportFailure(new IllegalStateException("refused"));
        MessageMonitor.MonitorCallback ignored = capacity.onMessageIngested(GenericEventMessage.asEventMessage("y"));
        clock.add(6, TimeUnit.SECONDS);
        ignored.reportIgnored();

        // then
        assertThat(gauge("String")).isCloseTo(18.0 / 600, within(1e-9));
    }

    @Test
    void the_gauge_falls_to_zero_once_the_window_has_passed() {
        // given
        handle("a string", Duration.ofSeconds(60));

        // when
        clock.add(CapacityGauges.WINDOW.plusSeconds(20));

        // then
        assertThat(gauge("String")).isZero();
    }

    private void handle(Object payload, Duration took) {
        Message<?> message = GenericEventMessage.asEventMessage(payload);
        MessageMonitor.MonitorCallback callback = capacity.onMessageIngested(message);
        clock.add(took);
        callback.reportSuccess();
    }

    private double gauge(String payloadType) {
        return registry.get("eventProcessor.capacity").tags("payloadType", payloadType, "processorName", "views")
                .gauge().value();
    }
}
