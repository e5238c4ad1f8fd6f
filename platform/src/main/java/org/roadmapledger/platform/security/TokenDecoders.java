package org.roadmapledger.platform.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * How a token is checked: signed with an asymmetric algorithm by a key of the issuer's key set (fetched once and
 * cached by Nimbus, fetched again only for an unknown key id), by that issuer, for the ledger's audience, with an
 * expiry and a subject, and within its validity give or take the clock skew. {@code alg: none} and HMAC are never accepted, so a
 * token "signed" with the issuer's public key as an HMAC secret is refused.
 */
public final class TokenDecoders {

    static final List<SignatureAlgorithm> ASYMMETRIC = List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
            SignatureAlgorithm.RS512, SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512,
            SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512);

    private TokenDecoders() {
    }

    /** The issuer's keys are looked up at the first token, so the ledger starts while its issuer is down. */
    public static JwtDecoder fromIssuer(OidcProperties properties) {
        if (properties.issuer() == null || properties.issuer().isBlank()) {
            throw new IllegalStateException("ledger.oidc.issuer (LEDGER_OIDC_ISSUER) must name the OpenID Connect "
                    + "issuer whose tokens the ledger accepts");
        }
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (properties.jwkSetUri() == null || properties.jwkSetUri().isBlank()
                    ? NimbusJwtDecoder.withIssuerLocation(properties.issuer())
                    : NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()))
                    .jwsAlgorithms(algorithms -> algorithms.addAll(ASYMMETRIC))
                    .build();
            decoder.setJwtValidator(validator(properties));
            return decoder;
        });
    }

    public static OAuth2TokenValidator<Jwt> validator(OidcProperties properties) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                // who acts: without a subject, every such token would be the same principal
                new JwtClaimValidator<String>(JwtClaimNames.SUB, subject -> subject != null && !subject.isBlank()),
                new JwtIssuerValidator(properties.issuer()),
                new JwtClaimValidator<Object>(JwtClaimNames.AUD, aud -> names(aud, properties.audience())));
    }

    private static boolean names(Object audience, String expected) {
        return audience instanceof Collection<?> list ? list.contains(expected) : expected.equals(audience);
    }
}
