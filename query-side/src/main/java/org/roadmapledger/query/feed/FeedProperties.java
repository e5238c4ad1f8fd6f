package org.roadmapledger.query.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the ledger is read for its subscribers.
 *
 * @param pollInterval    on the JDBC store, how often the shared reader looks for events committed by another
 *                        process when it has found none (Axon Server pushes them)
 * @param liveBuffer      how many recent events the shared reader keeps for live subscribers; one that falls further
 *                        behind cannot keep up (SSE clients are disconnected, webhooks read on from the store)
 * @param workers         threads that serve every subscriber, whatever their number
 * @param batch           events handed to one subscriber before the worker moves on to the next
 * @param startupLookback how far back (in recorded time) the shared reader starts, so that it knows the events
 *                        still committing when the service starts
 */
@ConfigurationProperties(prefix = "ledger.feed")
public record FeedProperties(
        @DefaultValue("100ms") Duration pollInterval,
        @DefaultValue("10000") int liveBuffer,
        @DefaultValue("2") int workers,
        @DefaultValue("256") int batch,
        @DefaultValue("2m") Duration startupLookback) {
}
