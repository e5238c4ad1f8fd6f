package org.roadmapledger.query.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads the CloudEvents a test received. */
public final class CloudEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEventJson() {
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String id(String json) {
        return parse(json).path("id").asText();
    }
}
