package org.roadmapledger.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * An OpenID Connect issuer for tests, over real HTTP on loopback: its discovery document and its key set, and
 * tokens signed with its key (or, for the tests of refusals, signed wrongly). One per test JVM.
 */
public final class TestIssuer {

    public static final String AUDIENCE = "roadmap-ledger";
    private static TestIssuer shared;

    private final HttpServer server;
    private final String issuer;
    private final RSAKey key;
    private final RSAKey stranger;
    private final AtomicInteger keySetReads = new AtomicInteger();
    private String everyRole;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key-1").keyUse(KeyUse.SIGNATURE).generate();
            stranger = new RSAKeyGenerator(2048).keyID("test-key-1").keyUse(KeyUse.SIGNATURE).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/test-issuer";
        server.createContext("/test-issuer/.well-known/openid-configuration", exchange -> answer(exchange,
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                        + "\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        server.createContext("/test-issuer/jwks", exchange -> {
            keySetReads.incrementAndGet();
            answer(exchange, new JWKSet(key.toPublicJWK()).toString());
        });
        server.start();
    }

    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
        }
        return shared;
    }

    /** A request carrying a token of a tester holding every role, for the tests that are not about rights. */
    public static HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + shared().everyRole());
    }

    /** A token holding every role but sponsor's (a sponsor's rights are the programme office's, scoped). */
    public synchronized String everyRole() {
        if (everyRole == null) {
            everyRole = token("tester", null, Role.PROGRAMME_OFFICE, Role.COUNCIL, Role.AUDITOR, Role.SERVICE,
                    Role.OPERATOR);
        }
        return everyRole;
    }

    public String issuer() {
        return issuer;
    }

    /** How many times the key set was fetched: validation must not ask the issuer for each request. */
    public int keySetReads() {
        return keySetReads.get();
    }

    /** A valid token of a client holding the roles, its subject and client id the role names joined. */
    public String token(Role... roles) {
        String subject = String.join("+", Arrays.stream(roles).map(Role::claimValue).toList());
        return token(subject.isEmpty() ? "no-role" : subject, null, roles);
    }

    /** A valid token of a sponsor of that entity. */
    public String sponsorOf(String entity) {
        return token("sponsor-" + entity.toLowerCase(), entity, Role.SPONSOR);
    }

    public String token(String subject, String entity, Role... roles) {
        return signed(claims -> {
            claims.subject(subject).claim("azp", subject)
                    .claim("roles", Arrays.stream(roles).map(Role::claimValue).toList());
            if (entity != null) {
                claims.claim("sponsor_entity", entity);
            }
            return claims;
        });
    }

    /** A token of a role-holding client with its claims changed, signed with the issuer's key. */
    public String signed(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(validClaims()).build(), key);
    }

    /** The same claims as a valid token, signed with another key that claims the issuer's key id. */
    public String signedByAStranger() {
        return sign(validClaims().subject("stranger").claim("roles", List.of("operator")).build(), stranger);
    }

    /** A token naming a key the issuer never had. */
    public String unknownKeyId() {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID("no-such-key").generate();
            return sign(validClaims().subject("unknown-key").claim("roles", List.of("operator")).build(), other);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}. */
    public String unsigned() {
        return new PlainJWT(validClaims().subject("none").claim("roles", List.of("operator")).build()).serialize();
    }

    /** HS256 with the issuer's public key as the HMAC secret: the algorithm confusion attack. */
    public String hmacWithThePublicKey() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    validClaims().subject("hmac").claim("roles", List.of("operator")).build());
            jwt.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    private static String sign(JWTClaimsSet claims, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, String json) {
        try (exchange) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
