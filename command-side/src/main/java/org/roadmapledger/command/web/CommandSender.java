package org.roadmapledger.command.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.roadmapledger.command.rules.CommandRights;
import org.roadmapledger.command.idempotency.IdempotencyInterceptor;
import org.roadmapledger.command.store.LedgerMetadataProvider;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** Sends a command of the REST API through the command gateway with the request's metadata. */
@Component
public class CommandSender {

    private final CommandGateway gateway;
    private final ObjectMapper objectMapper;

    CommandSender(CommandGateway gateway, ObjectMapper objectMapper) {
        this.gateway = gateway;
        this.objectMapper = objectMapper;
    }

    /**
     * Sends the command and waits until its events are stored.
     *
     * @param body the request body as the client sent it, which with the method and path identifies a retry
     * @return the aggregate's version after the command
     */
    public long send(Object command, CommandContext context, Object body) {
        Map<String, Object> metadata = new HashMap<>(
                context.caller().asActor(CommandRights.rolesUsed(command, context.caller().roles())));
        metadata.put(LedgerMetadataProvider.CORRELATION_ID, context.correlationId());
        if (context.idempotencyKey() != null) {
            metadata.put(LedgerMetadataProvider.IDEMPOTENCY_KEY, context.idempotencyKey());
            metadata.put(IdempotencyInterceptor.REQUEST_HASH, fingerprint(context, body));
        }
        Object result = gateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metadata)));
        return result instanceof Long version ? version : 0L;
    }

    private String fingerprint(CommandContext context, Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((context.method() + " " + context.path() + " " + context.expectedVersion() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(objectMapper.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
