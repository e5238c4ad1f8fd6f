package org.roadmapledger.command.idempotency;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.roadmapledger.platform.security.Caller;
import org.roadmapledger.command.store.LedgerMetadataProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Makes a command with an idempotency key safe to retry; a key is its principal's own. It runs inside the command's unit of work, so the key
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
        String principal = principal(command);
        int inserted = jdbc.update("INSERT INTO idempotency_key (principal, idempotency_key, request_hash) "
                + "VALUES (?, ?, ?) ON CONFLICT (principal, idempotency_key) DO NOTHING", principal, key, hash);
        if (inserted == 0) {
            return earlierOutcome(principal, key, hash);
        }
        Object result = chain.proceed();
        jdbc.update("UPDATE idempotency_key SET version = ? WHERE principal = ? AND idempotency_key = ?",
                versionOf(result), principal, key);
        return result;
    }

    /** Whose key it is: the token's subject at its issuer; '' for the ledger's own commands. */
    private static String principal(CommandMessage<?> command) {
        Object subject = command.getMetaData().get(Caller.ACTOR_SUBJECT);
        Object issuer = command.getMetaData().get(Caller.ACTOR_ISSUER);
        return subject == null ? "" : subject + "@" + issuer;
    }

    private Object earlierOutcome(String principal, String key, String hash) {
        List<Stored> stored = jdbc.query("SELECT request_hash, version FROM idempotency_key "
                        + "WHERE principal = ? AND idempotency_key = ?",
                (rs, row) -> new Stored(rs.getString(1), rs.getLong(2)), principal, key);
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
