package org.roadmapledger.query.subscription;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Signatures by the Standard Webhooks library (standardwebhooks.com): the secret is {@code whsec_} followed by
 * the base64 of the key; the signature {@code v1,} followed by the base64 of
 * HMAC-SHA256(key, "{webhook-id}.{webhook-timestamp}.{body}"). What is ours: generating secrets, and refusing a
 * secret whose key is too short to protect anything or not one at all, at registration rather than at delivery.
 */
public final class WebhookSigner {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Webhook webhook;

    private WebhookSigner(Webhook webhook) {
        this.webhook = webhook;
    }

    /** A new secret of 32 random bytes. */
    public static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * @throws IllegalArgumentException unless it is {@code whsec_} and the base64 of 24 to 64 bytes
     */
    public static WebhookSigner of(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("must start with " + PREFIX + " followed by the base64 of the key");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be " + PREFIX + " followed by base64");
        }
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("must hold a key of 24 to 64 bytes");
        }
        try {
            return new WebhookSigner(new Webhook(key));
        } catch (EmptyWebhookSecretException e) {
            throw new IllegalArgumentException("must hold a key", e);
        }
    }

    /** The {@code webhook-signature} header value for a body of UTF-8 JSON. */
    public String sign(String id, long timestamp, byte[] body) {
        try {
            return webhook.sign(id, timestamp, new String(body, StandardCharsets.UTF_8));
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
