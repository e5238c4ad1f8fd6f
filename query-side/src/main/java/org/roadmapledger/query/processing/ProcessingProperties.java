package org.roadmapledger.query.processing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;

/**
 * How the projections' event processors run (prefix {@code ledger.processing}).
 *
 * @param nodeId               this instance's name in the token store's claims; unique per instance (two Spring
 *                             contexts in one JVM must differ), by default the JVM's name and a random suffix
 * @param gapTimeout           how long a hole in the PostgreSQL global index is waited for (see docs/operations.md)
 * @param gapCleaningThreshold how many held gaps make the engine look for timed-out ones before each fetch
 * @param maxGapOffset         how far behind the head a gap may fall before it is dropped regardless of time
 * @param balanceInterval      how often an instance announces itself and gives up segments beyond its fair share
 * @param progressLogInterval  how often a replay logs its percentage and rate
 * @param reconciliationPage   how many objectives one reconciliation query compares
 * @param eventFetchSize       how many events one query of the event store reads (Axon's default, 100, kept the
 *                             processors waiting for events during a replay; see docs/operations.md)
 * @param replayChunk          how many events a replay hands the view processors' handlers at once (one batch, whose
 *                             documents are written once); 0 lets the processors replay in their own batches
 * @param wakeInterval         how often an idle projection looks for new events (Axon's pooled processor looks
 *                             every 500 ms by itself; see {@link PromptEventSource})
 */
@ConfigurationProperties(prefix = "ledger.processing")
public record ProcessingProperties(
        String nodeId,
        @DefaultValue("60s") Duration gapTimeout,
        @DefaultValue("1000") int gapCleaningThreshold,
        @DefaultValue("200000") int maxGapOffset,
        @DefaultValue("10s") Duration balanceInterval,
        @DefaultValue("5s") Duration progressLogInterval,
        @DefaultValue("1000") int reconciliationPage,
        @DefaultValue("1000") int eventFetchSize,
        @DefaultValue("10000") int replayChunk,
        @DefaultValue("50ms") Duration wakeInterval) {

    public ProcessingProperties {
        if (nodeId == null || nodeId.isBlank()) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            nodeId = ManagementFactory.getRuntimeMXBean().getName() + "/" + suffix;
        }
    }
}
