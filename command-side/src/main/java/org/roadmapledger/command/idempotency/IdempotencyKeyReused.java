package org.roadmapledger.command.idempotency;

/** An Idempotency-Key already used for a different request. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("Idempotency-Key " + key + " was already used with a different request");
    }
}
