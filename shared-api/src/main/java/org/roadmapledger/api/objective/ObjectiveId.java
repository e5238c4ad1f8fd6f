package org.roadmapledger.api.objective;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The roadmap's own code for an objective, e.g. {@code 1.01}. Axon uses {@link #toString()} as the aggregate
 * identifier, so it must stay the bare code.
 */
public record ObjectiveId(String value) {

    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    public ObjectiveId {
        Objects.requireNonNull(value, "objective id is required");
        if (!COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("objective id must match " + PATTERN);
        }
    }

    @JsonCreator
    public static ObjectiveId of(String value) {
        return new ObjectiveId(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
