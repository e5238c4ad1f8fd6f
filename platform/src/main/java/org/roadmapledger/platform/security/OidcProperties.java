package org.roadmapledger.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Where tokens come from and what they must say ({@code LEDGER_OIDC_*}).
 *
 * @param issuer      the OpenID Connect issuer; its keys are discovered from its metadata, once
 * @param audience    what the token's {@code aud} must contain
 * @param jwkSetUri   the issuer's key set, when it is not to be discovered
 * @param rolesClaim  the claim holding the roles: a list or a space-separated string; a dotted path reaches into
 *                    an object ({@code realm_access.roles} for Keycloak)
 * @param entityClaim the claim naming a sponsor's entity
 * @param clockSkew   how far the clocks of the issuer and the ledger may disagree
 */
@ConfigurationProperties("ledger.oidc")
public record OidcProperties(
        String issuer,
        @DefaultValue("roadmap-ledger") String audience,
        String jwkSetUri,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("sponsor_entity") String entityClaim,
        @DefaultValue("60s") Duration clockSkew) {
}
