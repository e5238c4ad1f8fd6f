package org.roadmapledger.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a validated token into the request's authentication: the ledger's roles found in the roles claim (others
 * are ignored) become authorities, and the {@link Caller} rides along as its details.
 */
public final class RoleClaims implements Converter<Jwt, AbstractAuthenticationToken> {

    private final OidcProperties properties;

    public RoleClaims(OidcProperties properties) {
        this.properties = properties;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<Role> roles = roles(jwt);
        List<GrantedAuthority> authorities = roles.stream()
                .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
        JwtAuthenticationToken authentication = new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        authentication.setDetails(Caller.of(jwt, roles, properties));
        return authentication;
    }

    private Set<Role> roles(Jwt jwt) {
        Object value = jwt.getClaims();
        for (String step : properties.rolesClaim().split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        Collection<?> names = value instanceof Collection<?> list ? list
                : value instanceof String text ? Arrays.asList(text.trim().split("\\s+")) : List.of();
        List<Role> roles = new ArrayList<>();
        for (Object name : names) {
            if (name instanceof String text) {
                Role.ofClaimValue(text).ifPresent(roles::add);
            }
        }
        return roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }
}
