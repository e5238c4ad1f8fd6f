package org.roadmapledger.platform.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One line of a side's access table: requests with this method on these paths ({@code *} a segment) need one of
 * the roles. The same line guards the endpoint and documents it in the OpenAPI description.
 */
public record Grant(HttpMethod method, List<String> patterns, Set<Role> roles) {

    public static Grant of(HttpMethod method, Set<Role> roles, String... patterns) {
        return new Grant(method, List.of(patterns), Set.copyOf(roles));
    }

    public static Set<Role> roles(Role first, Role... more) {
        return EnumSet.of(first, more);
    }

    /** Whether it covers a request, the path as the OpenAPI document writes it ({@code {id}} for a segment). */
    public boolean covers(HttpMethod requestMethod, String path) {
        return method.equals(requestMethod) && matches(patterns, path);
    }

    static boolean matches(List<String> patterns, String path) {
        PathContainer concrete = PathContainer.parsePath(path.replaceAll("\\{[^}/]+}", "x"));
        return patterns.stream().map(PathPatternParser.defaultInstance::parse)
                .anyMatch(pattern -> pattern.matches(concrete));
    }

    String[] patternArray() {
        return patterns.toArray(String[]::new);
    }
}
