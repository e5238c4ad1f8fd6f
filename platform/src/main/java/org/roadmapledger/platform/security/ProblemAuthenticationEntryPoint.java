package org.roadmapledger.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/**
 * No token, or one the ledger does not accept: 401 with the {@code WWW-Authenticate: Bearer …} challenge of RFC
 * 6750 (Spring Security's), and a problem document. What was wrong with a token is said in the challenge's
 * {@code error_description}, never which key or claim value the ledger expected.
 */
public final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        challenge.commence(request, response, exception);
        boolean presented = exception instanceof InvalidBearerTokenException
                || request.getHeader("Authorization") != null;
        ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthenticated",
                "Authentication required", presented
                        ? "the bearer token is not valid here: it must be signed by the configured issuer, for this "
                        + "audience, and not expired"
                        : "this endpoint needs a bearer token from the configured OpenID Connect issuer");
    }
}
