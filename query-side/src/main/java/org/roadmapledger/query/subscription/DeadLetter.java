package org.roadmapledger.query.subscription;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * An event a subscription gave up on when it was suspended. Deliveries are ordered, so it is the event at the
 * subscription's cursor: redelivery starts again with it. {@code redeliveredAt} is when redelivery was asked for,
 * {@code deliveredAt} when the receiver finally acknowledged it.
 */
@Document(DeadLetter.COLLECTION)
record DeadLetter(
        @Id String id,
        String subscriptionId,
        String eventId,
        String type,
        String position,
        int attempts,
        Instant failingSince,
        Instant deadAt,
        String lastError,
        Instant redeliveredAt,
        Instant deliveredAt) {

    static final String COLLECTION = "webhook_dead_letters";
}
