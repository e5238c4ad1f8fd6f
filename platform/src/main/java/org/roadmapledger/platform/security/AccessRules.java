package org.roadmapledger.platform.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call which endpoints of one side, as a table of {@link Grant}s: each side declares its own, the platform
 * chains them (the standalone gets both), ends with "any other request needs a valid token", and writes each
 * operation's roles into the OpenAPI description.
 */
public record AccessRules(List<Grant> grants, List<String> publicPaths) {

    public static AccessRules of(Grant... grants) {
        return new AccessRules(List.of(grants), List.of());
    }

    /** The same table, with GET on these paths open to anyone ({@code LEDGER_PUBLIC_READS}). */
    public AccessRules withPublicReads(String... paths) {
        return new AccessRules(grants, List.of(paths));
    }

    void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        if (!publicPaths.isEmpty()) {
            requests.requestMatchers(HttpMethod.GET, publicPaths.toArray(String[]::new)).permitAll();
            requests.requestMatchers(HttpMethod.HEAD, publicPaths.toArray(String[]::new)).permitAll();
        }
        for (Grant grant : grants) {
            Role[] roles = grant.roles().toArray(Role[]::new);
            RequireRoles required = RequireRoles.anyOf(roles[0], Arrays.copyOfRange(roles, 1, roles.length));
            requests.requestMatchers(grant.method(), grant.patternArray()).access(required);
            // Spring MVC answers HEAD with the GET handler: the same rights, or HEAD would need none
            if (HttpMethod.GET.equals(grant.method())) {
                requests.requestMatchers(HttpMethod.HEAD, grant.patternArray()).access(required);
            }
        }
    }

    /** The roles an operation needs, if this table has a line for it. */
    Optional<Set<Role>> rolesFor(HttpMethod method, String path) {
        return grants.stream().filter(g -> g.covers(method, path)).findFirst().map(Grant::roles);
    }

    boolean isPublic(HttpMethod method, String path) {
        return HttpMethod.GET.equals(method) && Grant.matches(publicPaths, path);
    }
}
