package org.roadmapledger.command.web;

/** A request value the ledger cannot take, named by its field, path variable or header. */
public class InvalidRequest extends RuntimeException {

    private final String field;

    public InvalidRequest(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
