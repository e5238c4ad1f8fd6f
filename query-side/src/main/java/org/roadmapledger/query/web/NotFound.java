package org.roadmapledger.query.web;

/** Nothing to show for what was asked, at the time asked. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
