package org.roadmapledger.query.history;

import org.axonframework.messaging.MetaData;
import org.roadmapledger.platform.security.Caller;

import java.util.Collection;
import java.util.List;

/**
 * Who acted, as the token of the request said when the event was recorded: the issuer that vouches for it, the
 * subject and client it names, its display name, the roles it acted with, and a sponsor's entity. Absent for
 * events recorded by the ledger itself (the import at start-up) and before identity existed.
 */
public record ActorIdentity(String issuer, String subject, String name, String clientId, List<String> roles,
                            String entity) {

    static ActorIdentity of(MetaData metaData) {
        Object subject = metaData.get(Caller.ACTOR_SUBJECT);
        if (subject == null) {
            return null;
        }
        Object roles = metaData.get(Caller.ACTOR_ROLES);
        return new ActorIdentity(text(metaData, Caller.ACTOR_ISSUER), subject.toString(),
                text(metaData, Caller.ACTOR_NAME), text(metaData, Caller.ACTOR_CLIENT),
                roles instanceof Collection<?> list ? list.stream().map(String::valueOf).toList() : List.of(),
                text(metaData, Caller.ACTOR_ENTITY));
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
