package org.roadmapledger.query.subscription;

import com.sun.net.httpserver.HttpExchange;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import org.roadmapledger.query.stream.CloudEventJson;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * A webhook receiver on the JDK's own HTTP server: records every request and answers with the status its policy
 * gives for the event id and the attempt number of that id.
 */
final class Receiver implements AutoCloseable {

    record Request(String webhookId, String timestamp, String signature, String contentType, String body,
                   int answered, long receivedNanos) {

        String eventId() {
            return CloudEventJson.id(body);
        }

        boolean acknowledged() {
            return answered >= 200 && answered < 300;
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private volatile BiFunction<String, Integer, Integer> policy = (id, attempt) -> 204;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The status to answer for (event id, attempt number of that id from 1). */
    Receiver answering(BiFunction<String, Integer, Integer> policy) {
        this.policy = policy;
        return this;
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /** Event ids of the requests it acknowledged, in the order they came. */
    List<String> acknowledged() {
        return requests.stream().filter(Request::acknowledged).map(Request::eventId).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("Webhook-Id");
            int attempt = attempts.merge(String.valueOf(id), 1, Integer::sum);
            int status = policy.apply(id, attempt);
            requests.add(new Request(id, exchange.getRequestHeaders().getFirst("Webhook-Timestamp"),
                    exchange.getRequestHeaders().getFirst("Webhook-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body, status, System.nanoTime()));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /**
     * Verifies a request as a receiver following the Standard Webhooks convention would, written here from the
     * convention itself: HMAC-SHA256 over "{id}.{timestamp}.{body}" with the base64-decoded key after "whsec_".
     */
    static boolean verify(Request request, String secret) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((request.webhookId() + "." + request.timestamp() + "." + request.body())
                    .getBytes(StandardCharsets.UTF_8));
            for (String signature : request.signature().split(" ")) {
                if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
                        Base64.getDecoder().decode(signature.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Verifies a request with the Standard Webhooks library, as a consumer using it would (timestamp tolerance included). */
    static boolean verifiedByTheLibrary(Request request, String secret) {
        try {
            new Webhook(secret).verify(request.body(), Map.of(
                    "webhook-id", List.of(request.webhookId()),
                    "webhook-timestamp", List.of(request.timestamp()),
                    "webhook-signature", List.of(request.signature())));
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        } catch (EmptyWebhookSecretException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
