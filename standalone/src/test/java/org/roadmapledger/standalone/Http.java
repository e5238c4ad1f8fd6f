package org.roadmapledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.BiFunction;

/** A plain HTTP client on the ledger's port: the tests see what any client sees. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;
    private final BiFunction<String, String, String> tokens;

    /** @param tokens the bearer token for a request's method and path */
    Http(int port, BiFunction<String, String, String> tokens) {
        this.port = port;
        this.tokens = tokens;
    }

    /** A client of the standalone on that data directory, with the embedded issuer's demo clients. */
    static Http standalone(int port, Path dataDir) {
        DemoTokens demo = new DemoTokens(port, dataDir);
        return new Http(port, demo::forRequest);
    }

    int port() {
        return port;
    }

    /** The {@code Authorization} header value this client sends with such a request. */
    String bearer(String method, String path) {
        return "Bearer " + tokens.apply(method, path);
    }

    Response get(String path) {
        return send(request("GET", path).GET().build());
    }

    /** GET that must answer 200 with JSON. */
    JsonNode getJson(String path) {
        Response response = get(path);
        if (response.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    /** GET of a body kept as bytes (an archive). */
    byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> response = client.send(request("GET", path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response post(String path, String json, String... headers) {
        return send(path, "POST", json, headers);
    }

    Response put(String path, String json, String... headers) {
        return send(path, "PUT", json, headers);
    }

    private Response send(String path, String method, String json, String... headers) {
        HttpRequest.Builder builder = request(method, path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    private HttpRequest.Builder request(String method, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", bearer(method, path));
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }
}
