package org.roadmapledger.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per principal (per client address for requests without a valid token): {@code perSecond} on average,
 * up to {@code burst} at once. The defaults leave a person, a council page and a service far below the limit;
 * a benchmark raises them.
 *
 * @param perSecond   the sustained rate ({@code LEDGER_RATE_LIMIT_PER_SECOND})
 * @param burst       how many requests may come at once ({@code LEDGER_RATE_LIMIT_BURST})
 * @param principals  how many principals' buckets are kept; the least recently seen go first
 */
@ConfigurationProperties("ledger.rate-limit")
public record RateLimitProperties(
        @DefaultValue("50") long perSecond,
        @DefaultValue("500") long burst,
        @DefaultValue("10000") int principals) {
}
