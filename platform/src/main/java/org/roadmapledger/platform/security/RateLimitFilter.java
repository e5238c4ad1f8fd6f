package org.roadmapledger.platform.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-principal rate limits by Bucket4j's token buckets: a request over the limit gets 429 with
 * {@code Retry-After} (whole seconds until a token is back) and is not served. Runs after authentication, so a
 * principal is counted as itself wherever it calls from, and a flood of bad tokens is counted per address.
 */
public abstract class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimitProperties properties;
    private final Map<String, Bucket> buckets;

    /**
     * Before authentication, every request counted by its client address at ten times the principal's limits: a
     * flood of bad tokens is stopped before their validation costs anything.
     */
    public static final class PerAddress extends RateLimitFilter {

        public PerAddress(RateLimitProperties properties) {
            super(new RateLimitProperties(properties.perSecond() * 10, properties.burst() * 10,
                    properties.principals()));
        }

        @Override
        String key(HttpServletRequest request) {
            return request.getRemoteAddr();
        }
    }

    /** After authentication: each principal its own bucket, wherever it calls from. */
    public static final class PerPrincipal extends RateLimitFilter {

        public PerPrincipal(RateLimitProperties properties) {
            super(properties);
        }

        @Override
        String key(HttpServletRequest request) {
            return Caller.current().map(Caller::principalId).orElseGet(() -> "address " + request.getRemoteAddr());
        }
    }

    abstract String key(HttpServletRequest request);

    private RateLimitFilter(RateLimitProperties properties) {
        this.properties = properties;
        this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > properties.principals();
            }
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ConsumptionProbe probe = bucket(key(request)).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        response.setHeader("Retry-After", Long.toString(seconds));
        ProblemResponses.write(response, 429, "rate-limited", "Too many requests",
                "more than " + properties.perSecond() + " requests a second on average (bursts of "
                        + properties.burst() + "): retry after " + seconds + " s");
    }

    private Bucket bucket(String key) {
        synchronized (buckets) {
            return buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(properties.burst())
                            .refillGreedy(properties.perSecond(), Duration.ofSeconds(1)).build())
                    .build());
        }
    }
}
