package org.roadmapledger.query.subscription;

import org.roadmapledger.query.feed.FeedItem;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Optional;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One attempt to deliver an event, and the policy between attempts: the event as a CloudEvent in structured mode,
 * signed with the Standard Webhooks headers, POSTed without a thread waiting on the receiver; what came of it, as the
 * delivery log says it; and how long to wait before the next attempt.
 */
final class WebhookPost {

    private static final int ERROR_LENGTH = 300;

    /** What an attempt came to: the receiver's status (null without an answer), the error unless it was a 2xx. */
    record Outcome(Instant attemptedAt, Integer status, String error, long elapsedMillis) {

        boolean ok() {
            return error == null;
        }
    }

    private WebhookPost() {
    }

    /** Sends the event; the outcome never fails, a refused connection or a timeout is an outcome too. */
    static CompletableFuture<Outcome> send(HttpClient http, TargetPolicy policy, URI url, Duration timeout,
                                           WebhookSigner signer, FeedItem item, Instant attemptedAt) {
        Optional<String> refused = policy.refusal(url);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(new Outcome(attemptedAt, null, "not sent: the target "
                    + refused.get(), 0));
        }
        byte[] body = item.cloudEvent();
        String eventId = item.event().eventId();
        long timestamp = attemptedAt.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("User-Agent", "roadmap-ledger-webhooks/1")
                .header("Webhook-Id", eventId)
                .header("Webhook-Timestamp", Long.toString(timestamp))
                .header("Webhook-Signature", signer.sign(eventId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<Void>> response;
        try {
            response = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        return response.handle((answer, failure) -> {
            Integer status = answer == null ? null : answer.statusCode();
            boolean ok = status != null && status >= 200 && status < 300;
            return new Outcome(attemptedAt, status, ok ? null : describe(status, failure),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        });
    }

    /** 1 s, 2 s, 4 s… (from {@code base}) up to {@code cap}, each spread by ±20 % so receivers are not stampeded. */
    static Duration backoff(int failures, Duration base, Duration cap) {
        double exponential = base.toMillis() * Math.pow(2, Math.max(0, failures - 1));
        double capped = Math.min(exponential, cap.toMillis());
        double jittered = capped * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(Math.max(1, Math.round(Math.min(jittered, cap.toMillis()))));
    }

    // the error as the delivery log shows it: a status, a timeout, or the failure without its stack
    private static String describe(Integer status, Throwable failure) {
        if (status != null) {
            return "HTTP " + status;
        }
        Throwable cause = failure;
        while (cause != null && cause.getCause() != null && !(cause instanceof HttpTimeoutException)) {
            cause = cause.getCause();
        }
        // in words, never the exception's name or message: they tell a subscriber about this side's network
        String text = cause == null ? "no answer" : cause instanceof HttpTimeoutException ? "timed out"
                : cause instanceof ConnectException ? "could not connect"
                : cause instanceof UnknownHostException ? "the host does not resolve"
                : cause instanceof SSLException ? "TLS handshake failed"
                : "the connection failed";
        return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) : text;
    }
}
