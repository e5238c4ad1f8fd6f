package org.roadmapledger.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bearer tokens the load is sent with: fetched once per client and reused (a token lives 30 minutes; a run that
 * outlives it fetches a new one). On a standalone, its demo clients' secrets come from its data directory
 * ({@code identity/}); elsewhere {@code --token} gives one token for everything.
 */
final class BenchTokens {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final long REUSE_NANOS = 20L * 60 * 1_000_000_000L;

    private record Held(String token, long fetchedAt) {
    }

    private final HttpClient client = HttpClient.newHttpClient();
    private final String issuerUrl;
    private final Optional<Path> identity;
    private final Optional<String> given;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    BenchTokens(String issuerUrl, Optional<Path> dataDir, Optional<String> given) {
        this.issuerUrl = issuerUrl;
        this.identity = dataDir.map(d -> d.resolve("identity"));
        this.given = given;
    }

    /** The client whose role the request needs (DESIGN's table), or the given token. */
    String forRequest(String method, String path) {
        if (given.isPresent()) {
            return given.get();
        }
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String client = path.startsWith("/api/admin") || path.startsWith("/actuator") ? "operator"
                : path.startsWith("/api/events") ? "service"
                : bare.endsWith("/proof") || bare.startsWith("/api/verification") || bare.startsWith("/api/exports")
                ? "auditor" : method.equals("GET") ? "council" : "programme-office";
        return held.compute(client, (c, h) -> h != null && System.nanoTime() - h.fetchedAt() < REUSE_NANOS ? h
                : new Held(fetch(c), System.nanoTime())).token();
    }

    private String fetch(String clientId) {
        Path secretFile = identity.orElseThrow(() -> new IllegalArgumentException(
                "no token: give --token, or --data with the standalone's data directory")).resolve(clientId + ".secret");
        try {
            String secret = Files.readString(secretFile).trim();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(issuerUrl + "/oauth2/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("no token for " + clientId + ": HTTP " + response.statusCode());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
