package org.roadmapledger.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** RFC 8785 (JCS) canonical JSON: the one byte form of a JSON value that every hash and signature is taken over. */
public final class Canonical {

    /** Plain Jackson: the canonical form must not depend on an application's mapper settings. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private Canonical() {
    }

    public static byte[] bytes(JsonNode value) {
        try {
            return new JsonCanonicalizer(JSON.writeValueAsString(value)).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot canonicalize a JSON value", e);
        }
    }

    public static String text(JsonNode value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    public static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON", e);
        }
    }

    public static JsonNode parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A member's text, null when it is absent or JSON null (asText would say "null"). */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
