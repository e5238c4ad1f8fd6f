package org.roadmapledger.command.store;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.roadmapledger.platform.security.Caller;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries the acting principal, the correlation id and the idempotency key from a command into the metadata
 * of every event it causes, and names the command as the events' cause.
 */
public class LedgerMetadataProvider implements CorrelationDataProvider {

    public static final String ACTOR = Caller.ACTOR;
    // who acted, as the token said (Caller#asActor): copied with the readable actor
    private static final List<String> ACTOR_IDENTITY = List.of(Caller.ACTOR_ISSUER, Caller.ACTOR_SUBJECT,
            Caller.ACTOR_NAME, Caller.ACTOR_CLIENT, Caller.ACTOR_ROLES, Caller.ACTOR_ENTITY);
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        copy(message, ACTOR, data);
        ACTOR_IDENTITY.forEach(key -> copy(message, key, data));
        copy(message, CORRELATION_ID, data);
        copy(message, IDEMPOTENCY_KEY, data);
        data.putIfAbsent(CORRELATION_ID, message.getIdentifier());
        data.put(CAUSATION_ID, message.getIdentifier());
        return data;
    }

    private static void copy(Message<?> message, String key, Map<String, Object> data) {
        Object value = message.getMetaData().get(key);
        if (value != null) {
            data.put(key, value);
        }
    }
}
