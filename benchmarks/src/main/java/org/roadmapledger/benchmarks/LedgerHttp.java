package org.roadmapledger.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one HTTP client of every workload and floor: the JDK's, HTTP/1.1 with keep-alive (no h2c upgrade), so a
 * figure and its floor are measured with the same client. Thread-safe; each calling thread gets its own
 * connection from the client's pool.
 */
final class LedgerHttp {

    record Response(int status, String body) {

        boolean ok() {
            return status / 100 == 2;
        }

        /** The {@code version} of a command's success body. */
        long version() {
            Matcher matcher = VERSION.matcher(body);
            if (!matcher.find()) {
                throw new IllegalStateException("no version in " + body);
            }
            return Long.parseLong(matcher.group(1));
        }
    }

    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String commandUrl;
    final String queryUrl;
    final BenchTokens tokens;

    LedgerHttp(String commandUrl, String queryUrl, BenchTokens tokens) {
        this.commandUrl = strip(commandUrl);
        this.queryUrl = strip(queryUrl);
        this.tokens = tokens;
    }

    Response command(String method, String path, String json) {
        return send(request(commandUrl, method, path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response query(String path) {
        return send(request(queryUrl, "GET", path).GET().build());
    }

    Response post(String base, String path) {
        return send(request(base, "POST", path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    Response get(String base, String path) {
        return send(request(base, "GET", path).GET().build());
    }

    /** Without a token: the HTTP floor, what a request costs before any authentication. */
    Response getAnonymous(String base, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build());
    }

    /** A request with its bearer token, the one reused for every request of its kind. */
    HttpRequest.Builder request(String base, String method, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + tokens.forRequest(method, path));
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
