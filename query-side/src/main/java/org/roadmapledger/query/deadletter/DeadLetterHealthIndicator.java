package org.roadmapledger.query.deadletter;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@code /actuator/health} component {@code deadLetters}: {@code DEGRADED} while any projection holds parked
 * events, since the views of those objectives stop at their first parked event while everything else answers.
 * DEGRADED ranks below UP and above OUT_OF_SERVICE, so the whole health says so too; it answers HTTP 200 and
 * is not part of readiness: one objective's views failing is no reason to take the service out of rotation.
 */
@Component("deadLettersHealthIndicator")
class DeadLetterHealthIndicator extends AbstractHealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED",
            "Events are parked in a dead-letter queue: GET /api/admin/dead-letters lists them");

    private final DeadLetters deadLetters;

    DeadLetterHealthIndicator(DeadLetters deadLetters) {
        super("The dead-letter queues could not be read");
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Long> sizes = deadLetters.sizes();
        long parked = sizes.values().stream().mapToLong(Long::longValue).sum();
        builder.status(parked == 0 ? Status.UP : DEGRADED).withDetail("parkedEvents", sizes);
    }
}
