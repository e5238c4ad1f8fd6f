package org.roadmapledger.query.subscription;

import java.util.List;
import java.util.Map;

/** A subscription request with fields that cannot be taken: every one of them, with why. */
class InvalidSubscription extends RuntimeException {

    private final List<Map<String, String>> errors;

    InvalidSubscription(List<Map<String, String>> errors) {
        super(errors.size() == 1 ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
                : errors.size() + " fields are invalid");
        this.errors = List.copyOf(errors);
    }

    List<Map<String, String>> errors() {
        return errors;
    }
}
