package org.roadmapledger.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * An Ed25519 public key that verifies seals, identified by its RFC 7638 JWK thumbprint and written as an RFC 8037
 * JWK ({@code kty} OKP, {@code crv} Ed25519).
 */
public final class PublicSealKey {

    /** The DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): the raw 32-byte key follows it. */
    private static final byte[] X509_PREFIX = Sha256.unhex("302a300506032b6570032100");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] raw;
    private final String keyId;

    private PublicSealKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        this.raw = raw.clone();
        this.keyId = thumbprint(BASE64URL.encodeToString(raw));
    }

    public static PublicSealKey of(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != X509_PREFIX.length + 32
                || !Arrays.equals(Arrays.copyOf(encoded, X509_PREFIX.length), X509_PREFIX)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return new PublicSealKey(Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length));
    }

    public static PublicSealKey fromJwk(JsonNode jwk) {
        if (!"OKP".equals(jwk.path("kty").asText()) || !"Ed25519".equals(jwk.path("crv").asText())) {
            throw new IllegalArgumentException("not an Ed25519 JWK (kty OKP, crv Ed25519)");
        }
        return new PublicSealKey(Base64.getUrlDecoder().decode(jwk.path("x").asText()));
    }

    /** A key in PEM ("PUBLIC KEY") or a JWK, as {@code --key} or a key file gives it. */
    public static PublicSealKey parse(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("{")) {
            JsonNode node = Canonical.parse(trimmed);
            return fromJwk(node.has("keys") ? node.path("keys").path(0) : node);
        }
        return of(publicKey(Pem.decode(trimmed, "PUBLIC KEY")));
    }

    public String keyId() {
        return keyId;
    }

    public ObjectNode jwk() {
        ObjectNode node = Canonical.object();
        node.put("kty", "OKP");
        node.put("crv", "Ed25519");
        node.put("x", BASE64URL.encodeToString(raw));
        node.put("kid", keyId);
        node.put("alg", "EdDSA");
        node.put("use", "sig");
        return node;
    }

    public String pem() {
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, 32);
        return Pem.encode(encoded, "PUBLIC KEY");
    }

    /** Whether {@code signature} (base64url) is this key's Ed25519 signature of {@code data}. */
    public boolean verifies(byte[] data, String signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(X509_PREFIX, raw));
            verifier.update(data);
            return verifier.verify(Base64.getUrlDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static PublicKey publicKey(byte[] prefix, byte[] raw) throws GeneralSecurityException {
        byte[] encoded = Arrays.copyOf(prefix, prefix.length + raw.length);
        System.arraycopy(raw, 0, encoded, prefix.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }

    private static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** RFC 7638: SHA-256 of the canonical required members, base64url. */
    private static String thumbprint(String x) {
        ObjectNode members = Canonical.object();
        members.put("crv", "Ed25519");
        members.put("kty", "OKP");
        members.put("x", x);
        return BASE64URL.encodeToString(Sha256.of(Canonical.bytes(members)));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicSealKey key && Arrays.equals(raw, key.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "Ed25519 key " + keyId;
    }
}
