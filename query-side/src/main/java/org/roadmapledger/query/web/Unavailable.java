package org.roadmapledger.query.web;

import java.time.Duration;

/** The views cannot answer yet (a replay runs, or a version is not reached): retry after a while. */
public class Unavailable extends RuntimeException {

    private final Duration retryAfter;

    public Unavailable(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
