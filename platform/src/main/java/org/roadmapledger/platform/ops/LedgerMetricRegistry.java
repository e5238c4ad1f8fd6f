package org.roadmapledger.platform.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;

import java.util.List;
import java.util.function.Function;

/**
 * Axon's meters for processors and buses, the same names and tags, with {@link CapacityGauges} in place of Axon's
 * capacity monitor, whose memory grows with the message rate (see {@link BusyTime}). The query update emitter
 * keeps Axon's: the ledger sends no subscription-query updates.
 */
public class LedgerMetricRegistry extends GlobalMetricRegistry {

    public LedgerMetricRegistry(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String name, Function<Message<?>, Iterable<Tag>> tagsBuilder,
            Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        return new MultiMessageMonitor<>(List.of(handlerMonitors(name, tagsBuilder),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(name).meterRegistry(getRegistry())
                        .tagsBuilder(latencyTagsBuilder).build()));
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(
            String name, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return handlerMonitors(name, tagsBuilder);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(
            String name, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return handlerMonitors(name, tagsBuilder);
    }

    /** What every handler gets: its timer, its capacity and its counters; a processor adds its latency. */
    private MessageMonitor<Message<?>> handlerMonitors(String name, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, getRegistry(), tagsBuilder),
                new CapacityGauges(name, getRegistry(), tagsBuilder),
                MessageCountingMonitor.buildMonitor(name, getRegistry(), tagsBuilder)));
    }
}
