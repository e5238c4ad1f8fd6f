package org.roadmapledger.command.web;

import org.roadmapledger.platform.security.Caller;

/**
 * What a command request says besides its body: who acts (from its token), under which correlation id, whether it is a retry
 * ({@code idempotencyKey}) and on which version it is conditional ({@code expectedVersion}, from If-Match).
 */
public record CommandContext(
        String method,
        String path,
        Caller caller,
        String correlationId,
        String idempotencyKey,
        Long expectedVersion) {
}
