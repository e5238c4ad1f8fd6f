package org.roadmapledger.api.roadmap;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** A roadmap's identifier, e.g. {@code fr-digital-health-2023-2027}. */
public record RoadmapId(String value) {

    public static final String PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    public RoadmapId {
        Objects.requireNonNull(value, "roadmap id is required");
        if (!COMPILED.matcher(value).matches()) {
            throw new IllegalArgumentException("roadmap id must match " + PATTERN);
        }
    }

    @JsonCreator
    public static RoadmapId of(String value) {
        return new RoadmapId(value);
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
