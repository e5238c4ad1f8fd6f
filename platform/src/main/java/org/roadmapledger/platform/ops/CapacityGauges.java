package org.roadmapledger.platform.ops;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code <prefix>.capacity}, per tag set, as Axon's {@code CapacityMonitor} reports it (the share of the last ten
 * minutes spent handling: 1.0 is one thread busy all the time), kept in {@link BusyTime}'s fixed buckets instead of
 * one entry per message.
 */
final class CapacityGauges implements MessageMonitor<Message<?>> {

    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int BUCKETS = 60;

    private final String meterName;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Function<Message<?>, Iterable<Tag>> tagsBuilder;
    private final Map<Tags, BusyTime> byTags = new ConcurrentHashMap<>();

    CapacityGauges(String meterNamePrefix, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        this.meterName = meterNamePrefix + ".capacity";
        this.registry = registry;
        this.clock = registry.config().clock();
        this.tagsBuilder = tagsBuilder;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        BusyTime busy = byTags.computeIfAbsent(Tags.of(tagsBuilder.apply(message)), this::register);
        long start = clock.monotonicTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                ended();
            }

            @Override
            public void reportFailure(Throwable cause) {
                ended();
            }

            @Override
            public void reportIgnored() {
                ended();
            }

            private void ended() {
                long end = clock.monotonicTime();
                busy.add(end, end - start);
            }
        };
    }

    private BusyTime register(Tags tags) {
        BusyTime busy = new BusyTime(WINDOW, BUCKETS);
        registry.gauge(meterName, tags, busy, b -> b.share(clock.monotonicTime()));
        return busy;
    }
}
