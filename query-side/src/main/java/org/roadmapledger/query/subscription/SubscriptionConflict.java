package org.roadmapledger.query.subscription;

/** The subscription is not in a state that allows what was asked. */
class SubscriptionConflict extends RuntimeException {

    SubscriptionConflict(String message) {
        super(message);
    }
}
