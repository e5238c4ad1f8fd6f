package org.roadmapledger.query.time;

/** A query parameter on one of the time axes that cannot be read. */
public class InvalidViewpoint extends RuntimeException {

    private final String parameter;

    public InvalidViewpoint(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
