package org.roadmapledger.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Refuses with 415 a body declared in another charset than UTF-8: JSON exchanged between systems is UTF-8
 * (RFC 8259, 8.1), and a body declared UTF-16 but read as UTF-8, or the reverse, records text the client did not
 * send. A declaration Spring cannot parse is refused the same way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class Utf8BodyFilter extends OncePerRequestFilter {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private final ProblemWriter problems;

    Utf8BodyFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String declared = request.getContentType();
        if (declared != null && BODY_METHODS.contains(request.getMethod()) && !utf8OrNone(declared)) {
            problems.write(response, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "request bodies are JSON in UTF-8: Content-Type application/json "
                            + "with no charset or charset=utf-8, not " + declared));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean utf8OrNone(String declared) {
        try {
            MediaType type = MediaType.parseMediaType(declared);
            return type.getParameter("charset") == null || StandardCharsets.UTF_8.equals(type.getCharset());
        } catch (IllegalArgumentException e) { // InvalidMediaTypeException and unknown charsets alike
            return false;
        }
    }
}
