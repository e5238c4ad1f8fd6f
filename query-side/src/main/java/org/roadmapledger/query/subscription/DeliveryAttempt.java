package org.roadmapledger.query.subscription;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One attempt to deliver one event to one subscription, kept for the delivery log.
 *
 * @param seq        counts the subscription's attempts, from 1: the log's order, and what retention cuts at
 * @param attempt    which attempt it was for that event, from 1
 * @param statusCode the receiver's answer; null when there was none (refused, timed out)
 */
@Document(DeliveryAttempt.COLLECTION)
record DeliveryAttempt(
        @Id String id,
        String subscriptionId,
        long seq,
        String eventId,
        String type,
        int attempt,
        Instant attemptedAt,
        Integer statusCode,
        long latencyMs,
        String error,
        boolean delivered) {

    static final String COLLECTION = "webhook_deliveries";
}
