package org.roadmapledger.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.roadmapledger.command.store.LedgerMetadataProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Makes a command with an idempotency key safe to retry. It runs inside the command's unit of work, so the key
 * is written in the same database transaction as the events the command appends: a key is stored exactly when
 * its command's events are. A second request with the key waits on the first one's row lock, then gets the
 * first one's outcome without running the command again. Axon's Spring support registers it on the command bus.
 */
@Component
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    /** Metadata key of the request's fingerprint, which a retry must match. */
    public static final String REQUEST_HASH = "requestHash";

    private final JdbcTemplate jdbc;

    IdempotencyInterceptor(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        String key = (String) command.getMetaData().get(LedgerMetadataProvider.IDEMPOTENCY_KEY);
        if (key == null) {
            return chain.proceed();
        }
        String hash = String.valueOf(command.getMetaData().get(REQUEST_HASH));
        int inserted = jdbc.update("INSERT INTO idempotency_key (idempotency_key, request_hash) VALUES (?, ?) "
                + "ON CONFLICT (idempotency_key) DO NOTHING", key, hash);
        if (inserted == 0) {
            return earlierOutcome(key, hash);
        }
        Object result = chain.proceed();
        jdbc.update("UPDATE idempotency_key SET version = ? WHERE idempotency_key = ?", versionOf(result), key);
        return result;
    }

    private Object earlierOutcome(String key, String hash) {
        List<Stored> stored = jdbc.query("SELECT request_hash, version FROM idempotency_key WHERE idempotency_key = ?",
                (rs, row) -> new Stored(rs.getString(1), rs.getLong(2)), key);
        if (stored.isEmpty() || !stored.get(0).hash().equals(hash)) {
            throw new IdempotencyKeyReused(key);
        }
        return stored.get(0).version();
    }

    /** Objective handlers return the version; creation handlers return the identifier of a version-0 aggregate. */
    static long versionOf(Object result) {
        return result instanceof Long version ? version : 0L;
    }

    private record Stored(String hash, long version) {
    }
}
