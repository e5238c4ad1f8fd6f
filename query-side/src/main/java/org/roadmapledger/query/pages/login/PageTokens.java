package org.roadmapledger.query.pages.login;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.roadmapledger.platform.security.OidcProperties;
import org.roadmapledger.platform.security.RoleClaims;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Each page request of a logged-in person is served as if it carried the access token the issuer gave at login:
 * checked again (so a page is never served on an expired token) and turned into the same caller as an API request
 * with that token, so roles, the actor and the access log are the API's. Once the token has expired, the login is
 * forgotten and the person is sent to the issuer again, which knows them and answers at once while its own session
 * lasts.
 */
public final class PageTokens extends OncePerRequestFilter {

    private final OAuth2AuthorizedClientRepository clients;
    private final SecurityContextRepository contexts;
    private final JwtDecoder tokens;
    private final RoleClaims roles;

    PageTokens(OAuth2AuthorizedClientRepository clients, SecurityContextRepository contexts, JwtDecoder tokens,
               OidcProperties oidc) {
        this.clients = clients;
        this.contexts = contexts;
        this.tokens = tokens;
        this.roles = new RoleClaims(oidc);
    }

    /** A request served by a session login is marked, so that the page offers to log out of it. */
    public static final String SESSION_LOGIN = PageTokens.class.getName() + ".session";

    // an asynchronous or error dispatch is served on the token too, never on the bare login
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof OAuth2AuthenticationToken login) {
            OAuth2AuthorizedClient client = clients.loadAuthorizedClient(login.getAuthorizedClientRegistrationId(),
                    login, request);
            SecurityContext served = SecurityContextHolder.createEmptyContext();
            try {
                if (client != null) {
                    served.setAuthentication(roles.convert(tokens.decode(client.getAccessToken().getTokenValue())));
                }
            } catch (JwtException expired) {
                clients.removeAuthorizedClient(login.getAuthorizedClientRegistrationId(), login, request, response);
            }
            if (served.getAuthentication() == null) {
                contexts.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
            }
            // for this request only: the session keeps the login, not the token's authentication
            SecurityContextHolder.setContext(served);
            if (served.getAuthentication() != null) {
                request.setAttribute(SESSION_LOGIN, Boolean.TRUE);
            }
        }
        chain.doFilter(request, response);
    }
}
