package org.roadmapledger.query.pages.login;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a person logs in to the pages ({@code LEDGER_PAGES_LOGIN_*}): through the configured issuer
 * ({@code ledger.oidc.issuer}), as its public client, by the authorization code with PKCE. The issuer's endpoints
 * are discovered from its metadata at the first login; they can be named instead, for an issuer that browsers and
 * the ledger reach by different addresses (Keycloak in compose: the browser at localhost, the ledger inside the
 * network).
 *
 * @param clientId         the issuer's client for the pages, public (no secret)
 * @param authorizationUri where the browser is sent to log in
 * @param tokenUri         where the ledger exchanges the code
 * @param jwkSetUri        the keys of the ID token ({@code ledger.oidc.jwk-set-uri} when not given)
 * @param endSessionUri    where the browser is sent on logout, to end its session with the issuer too
 */
@ConfigurationProperties("ledger.pages.login")
public record PageLoginProperties(
        @DefaultValue("ledger-pages") String clientId,
        String authorizationUri,
        String tokenUri,
        String jwkSetUri,
        String endSessionUri) {

    boolean named() {
        return present(authorizationUri) && present(tokenUri);
    }

    static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
