package org.roadmapledger.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;

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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens of the standalone's embedded issuer, got as its users get them: the demo client's secret from the data
 * directory, the client credentials grant on {@code /oauth2/token}. Each request goes with the client whose role
 * the ledger's access table asks for, so the tests call as the people they stand for.
 */
final class DemoTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;
    private final Path dataDir;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    DemoTokens(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    /** The client to call as: the role each endpoint needs (DESIGN's table), the programme office for commands. */
    static String clientFor(String method, String path) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if (bare.startsWith("/api/admin") || bare.startsWith("/actuator")) {
            return "operator";
        }
        if (bare.startsWith("/api/events") || bare.startsWith("/api/subscriptions")) {
            return "service";
        }
        if (bare.endsWith("/history") || bare.startsWith("/api/access-log") || bare.endsWith("/proof")
                || bare.endsWith("/verification") || bare.startsWith("/api/verification")
                || bare.startsWith("/api/exports")) {
            return "auditor";
        }
        return method.equals("GET") ? "council" : "programme-office";
    }

    String forRequest(String method, String path) {
        return forClient(clientFor(method, path));
    }

    String forClient(String clientId) {
        return tokens.computeIfAbsent(clientId, this::fetch);
    }

    private String fetch(String clientId) {
        try {
            String secret = Files.readString(dataDir.resolve("identity").resolve(clientId + ".secret")).trim();
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret)
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("no token for " + clientId + ": " + response.statusCode() + " "
                        + response.body());
            }
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
