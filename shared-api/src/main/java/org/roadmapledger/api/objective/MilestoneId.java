package org.roadmapledger.api.objective;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** A milestone's code, unique within its objective, e.g. {@code M1}. */
public record MilestoneId(String value) {

    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    public MilestoneId {
        Objects.requireNonNull(value, "milestone id is required");
        if (!COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("milestone id must match " + PATTERN);
        }
    }

    @JsonCreator
    public static MilestoneId of(String value) {
        return new MilestoneId(value);
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
