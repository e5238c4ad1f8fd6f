package org.roadmapledger.query.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * The SSE change stream's limits.
 *
 * @param heartbeat    a quiet stream sends a comment with its current position this often (at most 15 s)
 * @param retry        the reconnection delay the stream suggests to clients ({@code retry:})
 * @param outbox       bytes queued for one client before the feed stops handing it events
 * @param stallTimeout a client that takes nothing of what is queued for this long is disconnected
 * @param maxClients   connections beyond this get 503 with Retry-After
 */
@ConfigurationProperties(prefix = "ledger.stream")
public record StreamProperties(
        @DefaultValue("10s") Duration heartbeat,
        @DefaultValue("3s") Duration retry,
        @DefaultValue("256KB") DataSize outbox,
        @DefaultValue("60s") Duration stallTimeout,
        @DefaultValue("1000") int maxClients) {
}
