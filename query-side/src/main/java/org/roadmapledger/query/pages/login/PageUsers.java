package org.roadmapledger.query.pages.login;

import org.roadmapledger.platform.security.OidcProperties;
import org.roadmapledger.platform.security.RoleClaims;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.util.List;

/**
 * Who logged in to the pages. Their roles are not kept here: each request reads them from the access token the
 * issuer gave, as the API reads a bearer token ({@link PageTokens}), never from the ID token, which is for the
 * pages' client and not for the ledger. A login whose access token the API would refuse fails at once.
 */
final class PageUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final JwtDecoder tokens;
    private final RoleClaims roles;

    PageUsers(JwtDecoder tokens, OidcProperties oidc) {
        this.tokens = tokens;
        this.roles = new RoleClaims(oidc);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        try {
            roles.convert(tokens.decode(request.getAccessToken().getTokenValue()));
            // no roles kept in the session: each request takes them from the token again (PageTokens)
            return new DefaultOidcUser(List.of(), request.getIdToken(), IdTokenClaimNames.SUB);
        } catch (JwtException e) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token",
                    "the issuer's access token is not one the ledger accepts (issuer, audience or expiry)", null), e);
        }
    }
}
