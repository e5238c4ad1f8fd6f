package org.roadmapledger.command.rules;

/** A command its caller has no right to send: 403, with what right it would have taken. */
public class RightMissing extends RuntimeException {

    public RightMissing(String message) {
        super(message);
    }
}
