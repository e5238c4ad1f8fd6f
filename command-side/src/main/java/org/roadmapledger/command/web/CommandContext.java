package org.roadmapledger.command.web;

/**
 * What a command request says besides its body: who acts, under which correlation id, whether it is a retry
 * ({@code idempotencyKey}) and on which version it is conditional ({@code expectedVersion}, from If-Match).
 */
public record CommandContext(
        String method,
        String path,
        String actor,
        String correlationId,
        String idempotencyKey,
        Long expectedVersion) {
}
