package org.roadmapledger.query.subscription;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How webhooks are delivered.
 *
 * @param backoffBase    the wait before the first retry; it doubles with each failure (with jitter)
 * @param backoffCap     the longest wait between two attempts
 * @param suspendAfter   a subscription that has failed for this long is suspended, its event dead-lettered
 * @param requestTimeout how long a receiver has to answer one delivery
 * @param connectTimeout how long connecting to a receiver may take
 * @param outbox         events read ahead for one subscription, waiting for their turn
 * @param logEntries     delivery attempts kept per subscription (the oldest go first)
 * @param logAge         delivery attempts older than this are deleted
 * @param lease          how long this instance holds a subscription it delivers, without renewing it
 * @param leaseRenewal   how often this instance renews its leases and claims subscriptions nobody delivers
 * @param allowLoopback  webhooks to this machine, also over plain http: for development only
 *                       ({@code LEDGER_WEBHOOKS_ALLOW_LOOPBACK})
 * @param allowedTargets hosts and networks ({@code 10.1.0.0/16}) that may receive webhooks although private
 *                       ({@code LEDGER_WEBHOOKS_ALLOWED_TARGETS}, comma-separated)
 */
@ConfigurationProperties(prefix = "ledger.webhooks")
public record WebhookProperties(
        @DefaultValue("1s") Duration backoffBase,
        @DefaultValue("10m") Duration backoffCap,
        @DefaultValue("24h") Duration suspendAfter,
        @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("64") int outbox,
        @DefaultValue("1000") int logEntries,
        @DefaultValue("7d") Duration logAge,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("10s") Duration leaseRenewal,
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue("") List<String> allowedTargets) {

    TargetPolicy targetPolicy() {
        return new TargetPolicy(allowLoopback, allowedTargets);
    }
}
