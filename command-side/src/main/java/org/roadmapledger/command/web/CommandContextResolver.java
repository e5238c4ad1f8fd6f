package org.roadmapledger.command.web;

import org.roadmapledger.platform.security.Caller;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.roadmapledger.platform.web.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and checks the headers every command request may carry. */
class CommandContextResolver implements HandlerMethodArgumentResolver {

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    // Printable ASCII without spaces: keys are opaque tokens, typically UUIDs.
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7E]{1,255}$");
    private static final Pattern IF_MATCH = Pattern.compile("^\"(0|[1-9][0-9]{0,17})\"$");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CommandContext.class.equals(parameter.getParameterType());
    }

    @Override
    public CommandContext resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                          NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return new CommandContext(
                request.getMethod(),
                request.getRequestURI(),
                Caller.current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException(
                        "a command needs the caller's token")),
                CorrelationIdFilter.correlationId(request),
                idempotencyKey(request.getHeader(IDEMPOTENCY_KEY_HEADER)),
                expectedVersion(request.getHeader("If-Match")));
    }

    private static String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(header).matches()) {
            throw new InvalidRequest(IDEMPOTENCY_KEY_HEADER, "must be 1 to 255 visible ASCII characters");
        }
        return header;
    }

    private static Long expectedVersion(String header) {
        if (header == null || header.equals("*")) {
            return null;
        }
        Matcher matcher = IF_MATCH.matcher(header.trim());
        if (!matcher.matches()) {
            throw new InvalidRequest("If-Match", "must be a version in double quotes, e.g. \"3\", as in the ETag");
        }
        return Long.parseLong(matcher.group(1));
    }
}
