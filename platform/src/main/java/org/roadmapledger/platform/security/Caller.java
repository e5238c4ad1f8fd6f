package org.roadmapledger.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who calls, as the token says: issuer, subject, display name (when the token has one), client id, roles and,
 * for a sponsor, its entity. What the ledger records of a caller comes from here and nowhere else.
 */
public record Caller(String issuer, String subject, String name, String clientId, Set<Role> roles, String entity) {

    /** Metadata keys under which an event records its actor. */
    public static final String ACTOR = "actor";
    public static final String ACTOR_ISSUER = "actorIssuer";
    public static final String ACTOR_SUBJECT = "actorSubject";
    public static final String ACTOR_NAME = "actorName";
    public static final String ACTOR_CLIENT = "actorClientId";
    public static final String ACTOR_ROLES = "actorRoles";
    public static final String ACTOR_ENTITY = "actorEntity";

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Caller of(Jwt jwt, Collection<Role> roles, OidcProperties properties) {
        String client = firstText(jwt, "azp", "client_id");
        return new Caller(jwt.getIssuer() == null ? null : jwt.getIssuer().toString(), jwt.getSubject(),
                firstText(jwt, "name", "preferred_username"), client, Set.copyOf(roles),
                firstText(jwt, properties.entityClaim()));
    }

    /** The caller of the request being served, if it presented a valid token. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token
                && token.getDetails() instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** What the caller is called in a history: its display name, else its client, and who vouches for it. */
    public String label() {
        String who = name != null ? name : clientId != null && clientId.equals(subject) ? "client " + clientId
                : subject;
        return who + " (" + subject + " @ " + issuer + ")";
    }

    /** Unique across issuers: what idempotency keys, rate limits and subscriptions belong to. */
    public String principalId() {
        return subject + "@" + issuer;
    }

    /** The event metadata naming this caller, acting with the roles used. */
    public Map<String, Object> asActor(Collection<Role> used) {
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put(ACTOR, label());
        actor.put(ACTOR_ISSUER, issuer);
        actor.put(ACTOR_SUBJECT, subject);
        if (name != null) {
            actor.put(ACTOR_NAME, name);
        }
        if (clientId != null) {
            actor.put(ACTOR_CLIENT, clientId);
        }
        actor.put(ACTOR_ROLES, used.stream().map(Role::claimValue).sorted().toList());
        if (entity != null && used.contains(Role.SPONSOR)) {
            actor.put(ACTOR_ENTITY, entity);
        }
        return actor;
    }

    private static String firstText(Jwt jwt, String... claims) {
        for (String claim : claims) {
            Object value = jwt.getClaims().get(claim);
            if (value instanceof String text && !text.isBlank()) {
                return text;
            }
            if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String text) {
                return text;
            }
        }
        return null;
    }
}
