package org.roadmapledger.command.objective;

import org.roadmapledger.platform.security.Role;
import org.roadmapledger.platform.security.TestIssuer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real HTTP client of the command API on the running server: requests carry the headers the API reads
 * ({@code Authorization}, {@code Idempotency-Key}, {@code If-Match}, {@code X-Correlation-Id}) and answers are kept
 * whole, status, headers and body, for the tests to check.
 */
final class CommandApiClient {

    static final String JSON = "application/json";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;
    private final ObjectMapper objectMapper = new ObjectMapper();

    CommandApiClient(int port) {
        this.base = URI.create("http://localhost:" + port);
    }

    Call post(String path) {
        return new Call("POST", path);
    }

    Call put(String path) {
        return new Call("PUT", path);
    }

    Call patch(String path) {
        return new Call("PATCH", path);
    }

    /** One request being prepared; {@code send…} sends it and waits for the whole answer. */
    final class Call {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
            actor("programme-office");
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Acts as a client of that name holding the programme office's role, with a token of the test issuer. */
        Call actor(String actor) {
            return token(TestIssuer.shared().token(actor, null, Role.PROGRAMME_OFFICE));
        }

        Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        Call idempotencyKey(String key) {
            return header("Idempotency-Key", key);
        }

        Call ifMatch(String etag) {
            return header("If-Match", etag);
        }

        Call correlationId(String correlationId) {
            return header("X-Correlation-Id", correlationId);
        }

        /** Sends the map as a JSON document. */
        ApiResponse send(Map<String, ?> body) {
            try {
                return sendRaw(JSON, objectMapper.writeValueAsString(body));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        /** Sends the text as it is, with a Content-Length, under that content type. */
        ApiResponse sendRaw(String contentType, String body) {
            return send(contentType, BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }

        /** Sends the text with chunked transfer encoding: the server cannot know its length in advance. */
        ApiResponse sendChunked(String contentType, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            return send(contentType, BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        }

        private ApiResponse send(String contentType, BodyPublisher body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body)
                    .header("Content-Type", contentType);
            headers.forEach(request::header);
            try {
                var response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new ApiResponse(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** An answer of the API as the client received it. */
    record ApiResponse(int status, HttpHeaders headers, String body) {

        private static final ObjectMapper READER = new ObjectMapper();

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        JsonNode json() {
            try {
                return READER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        /** The version in a success body. */
        long version() {
            return json().path("version").asLong(-1);
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + body;
        }
    }
}
