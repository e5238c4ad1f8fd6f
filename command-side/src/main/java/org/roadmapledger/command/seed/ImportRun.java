package org.roadmapledger.command.seed;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.roadmapledger.command.rules.RuleViolation;
import org.roadmapledger.command.store.LedgerMetadataProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One import run: sends its commands like any user's, through the gateway and its interceptors, under its actor
 * ({@code system:import} at start-up, the caller on demand) and the run's correlation id, and counts what they recorded. Every command it sends
 * appends exactly one event.
 */
final class ImportRun {

    static final String SYSTEM_ACTOR = "system:import";

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

    /** The kinds of command an import issues, one counter each in the summary. */
    enum Change {
        STRUCTURE_PUBLISHED,
        OBJECTIVE_DEFINED,
        AMENDED,
        MOVED,
        SPONSOR_ASSIGNED,
        MILESTONE_PLANNED,
        MILESTONE_RESCHEDULED
    }

    private final CommandGateway gateway;
    private final MetaData metaData;
    private final String roadmapId;
    private final LocalDate effectiveOn;
    private final Map<Change, Integer> counts = new EnumMap<>(Change.class);
    private final List<ImportSummary.Skipped> skipped = new ArrayList<>();

    ImportRun(CommandGateway gateway, String correlationId, Map<String, Object> actor, String roadmapId,
              LocalDate effectiveOn) {
        this.gateway = gateway;
        this.metaData = MetaData.from(actor).and(LedgerMetadataProvider.CORRELATION_ID, correlationId);
        this.roadmapId = roadmapId;
        this.effectiveOn = effectiveOn;
        for (Change change : Change.values()) {
            counts.put(change, 0);
        }
    }

    LocalDate effectiveOn() {
        return effectiveOn;
    }

    /** Sends the command; a refusal fails the import. */
    void issue(Change change, Object command) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        counts.merge(change, 1, Integer::sum);
    }

    /**
     * Sends the command; a business rule's refusal is reported as skipped rather than failing the run, so one
     * objective the file cannot bring in line (e.g. edited since with a later effective date) does not hold up
     * the others.
     *
     * @return whether the command was recorded
     */
    boolean tryIssue(Change change, Object command, String subject) {
        try {
            issue(change, command);
            return true;
        } catch (RuleViolation | CommandExecutionException e) {
            RuleViolation violation = ruleViolation(e);
            if (violation == null) {
                throw e;
            }
            skip(subject, violation.getMessage());
            return false;
        }
    }

    void skip(String subject, String reason) {
        log.warn("import: skipped {}: {}", subject, reason);
        skipped.add(new ImportSummary.Skipped(subject, reason));
    }

    ImportSummary summary() {
        int events = counts.values().stream().mapToInt(Integer::intValue).sum();
        return new ImportSummary(roadmapId, effectiveOn,
                counts.get(Change.STRUCTURE_PUBLISHED),
                counts.get(Change.OBJECTIVE_DEFINED),
                counts.get(Change.AMENDED),
                counts.get(Change.MOVED),
                counts.get(Change.SPONSOR_ASSIGNED),
                counts.get(Change.MILESTONE_PLANNED),
                counts.get(Change.MILESTONE_RESCHEDULED),
                skipped, events);
    }

    /** The local command bus throws the handler's exception; a distributed one wraps it. */
    private static RuleViolation ruleViolation(RuntimeException e) {
        if (e instanceof RuleViolation violation) {
            return violation;
        }
        return e.getCause() instanceof RuleViolation violation ? violation : null;
    }
}
