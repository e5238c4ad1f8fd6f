package org.roadmapledger.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** A valid token without the right: 403, and a problem document that names the roles that would have done. */
public final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
            throws IOException {
        challenge.handle(request, response, exception);
        String detail = exception instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof RequireRoles.Decision decision
                ? request.getMethod() + " " + request.getRequestURI() + " needs "
                + RequireRoles.describe(decision.required())
                : "the token does not give the right to " + request.getMethod() + " " + request.getRequestURI();
        ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Forbidden", detail);
    }
}
