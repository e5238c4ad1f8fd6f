package org.roadmapledger.query.feed;

import org.roadmapledger.query.web.InvalidParameter;

/** Reads a position a client sent, and refuses one that cannot be of this ledger. */
public final class StartPositions {

    private StartPositions() {
    }

    /**
     * @param parameter where the position came from, for the error
     * @throws InvalidParameter if it is malformed, of another kind of event store, or beyond this ledger's head
     */
    public static Position given(String parameter, String text, LedgerFeed feed) {
        Position position;
        try {
            position = Position.decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(parameter, e.getMessage());
        }
        if (position.kind() == Position.Kind.BEGINNING) {
            return position;
        }
        Position now = feed.now();
        if (now.kind() != Position.Kind.BEGINNING && now.kind() != position.kind()) {
            throw new InvalidParameter(parameter, "is a position of another kind of event store ("
                    + position.kind() + ", this ledger is " + now.kind() + ")");
        }
        if (position.index() > now.index() && position.index() > feed.storeHead().index()) {
            throw new InvalidParameter(parameter, "is beyond the newest event of this ledger: it was not given by it,"
                    + " or the event store was replaced");
        }
        return position;
    }
}
