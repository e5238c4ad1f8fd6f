package org.roadmapledger.platform.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Grants a request to a caller holding any of the roles; when it does not, the decision names them, so that the
 * 403 says which right is missing.
 */
public final class RequireRoles implements AuthorizationManager<RequestAuthorizationContext> {

    private final Set<Role> roles;

    private RequireRoles(Set<Role> roles) {
        this.roles = roles;
    }

    public static RequireRoles anyOf(Role first, Role... more) {
        return new RequireRoles(EnumSet.of(first, more));
    }

    /** The roles, in the words of a problem's detail: "the role auditor or programme-office". */
    public static String describe(Set<Role> roles) {
        List<String> names = roles.stream().map(Role::claimValue).sorted().toList();
        return (names.size() == 1 ? "the role " : "one of the roles ")
                + names.stream().collect(Collectors.joining(", "));
    }

    @Override
    @SuppressWarnings("deprecation") // check is what AuthorizationManager still requires of an implementation
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        boolean granted = caller != null && caller.isAuthenticated()
                && !(caller instanceof AnonymousAuthenticationToken)
                && caller.getAuthorities().stream()
                .anyMatch(a -> Role.ofAuthority(a.getAuthority()).filter(roles::contains).isPresent());
        return new Decision(granted, roles);
    }

    /** A decision that remembers which roles it asked for. */
    public static final class Decision extends AuthorizationDecision {

        private final Set<Role> required;

        Decision(boolean granted, Set<Role> required) {
            super(granted);
            this.required = required;
        }

        public Set<Role> required() {
            return required;
        }
    }
}
