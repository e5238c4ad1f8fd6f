package org.roadmapledger.query.subscription;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as stored: where to deliver, which events, and the durable delivery state. {@code position}
 * is the cursor: the position after the last event the receiver acknowledged (or filtered out). The retry state
 * ({@code attempts}, {@code failingSince}, {@code nextAttemptAt}) is that of the event just after it. {@code owner}
 * and {@code leaseUntil} say which instance delivers it; {@code createdBy} is the principal it belongs to (issuer and
 * subject of its creator's token), the only one that sees and manages it.
 */
@Document(WebhookSubscription.COLLECTION)
record WebhookSubscription(
        @Id String id,
        String url,
        String objective,
        String axis,
        List<String> types,
        String secret,
        String description,
        State state,
        Instant createdAt,
        String position,
        int attempts,
        Instant failingSince,
        Instant nextAttemptAt,
        String lastError,
        Instant lastDeliveredAt,
        long delivered,
        String owner,
        Instant leaseUntil,
        String createdBy) {

    static final String COLLECTION = "webhook_subscriptions";

    enum State {
        /** Delivering. */
        ACTIVE,
        /** Stopped on request; resumes from its cursor. */
        PAUSED,
        /** Stopped after failing for longer than the suspension limit; redelivery resumes it. */
        SUSPENDED
    }
}
