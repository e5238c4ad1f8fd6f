package org.roadmapledger.command.seed;

import org.roadmapledger.command.store.LedgerMetadataProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.roadmap.PublishRoadmapStructure;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.command.objective.ObjectiveImportView;
import org.roadmapledger.command.roadmap.RoadmapImportView;
import org.roadmapledger.command.rules.EffectiveDates;
import org.roadmapledger.command.seed.ImportRun.Change;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Turns a roadmap file into the commands that bring the ledger in line with it (DESIGN.md, "Reference data and
 * import"): the structure, then each objective with its sponsor and milestones. It compares the file with the
 * aggregates' state and issues only what differs, so importing the same file again records nothing.
 *
 * <p>Every command takes effect on the file's {@code effectiveOn} when it has one; otherwise on the roadmap's
 * launch date for the first import, which records the roadmap as launched, and today for later ones, which record
 * the changes as they are learned.
 */
@Component
class RoadmapImport {

    private static final Logger log = LoggerFactory.getLogger(RoadmapImport.class);

    private final RoadmapFileValidator validator;
    private final CurrentLedger ledger;
    private final CommandGateway gateway;
    private final Clock clock;
    // Two imports at once would each see the other's objectives as missing and define them twice.
    private final ReentrantLock oneAtATime = new ReentrantLock();

    RoadmapImport(RoadmapFileValidator validator, CurrentLedger ledger, CommandGateway gateway, Clock clock) {
        this.validator = validator;
        this.ledger = ledger;
        this.gateway = gateway;
        this.clock = clock;
    }

    /** The import at start-up, acting as {@code system:import}. */
    ImportSummary run(RoadmapFile file, String correlationId) {
        return run(file, correlationId, Map.of(LedgerMetadataProvider.ACTOR, ImportRun.SYSTEM_ACTOR));
    }

    /**
     * @param correlationId carried by every event of this run, to find them together
     * @param actor         the metadata naming who imports: its caller, for an import on demand
     */
    ImportSummary run(RoadmapFile file, String correlationId, Map<String, Object> actor) {
        validator.validate(file);
        oneAtATime.lock();
        try {
            return runValidated(file, correlationId, actor);
        } finally {
            oneAtATime.unlock();
        }
    }

    private ImportSummary runValidated(RoadmapFile file, String correlationId, Map<String, Object> actor) {
        RoadmapId roadmapId = RoadmapId.of(file.roadmapId());
        RoadmapImportView roadmap = ledger.roadmap(roadmapId.value());
        LocalDate effectiveOn = effectiveOn(file, roadmap);
        ImportRun run = new ImportRun(gateway, correlationId, actor, roadmapId.value(), effectiveOn);
        log.info("import: roadmap {} effective on {} (correlation id {})", roadmapId, effectiveOn, correlationId);

        StructurePlan plan = StructurePlan.between(
                roadmap == null ? null : StructurePlan.Structure.of(roadmap), StructurePlan.Structure.of(file));
        if (plan.beforeObjectives() != null) {
            run.issue(Change.STRUCTURE_PUBLISHED, publish(roadmapId, plan.beforeObjectives(), effectiveOn));
        }
        importObjectives(file, run);
        if (plan.afterObjectives() != null) {
            // Refused when objectives the file does not list still sit under a priority it drops: the union stays.
            run.tryIssue(Change.STRUCTURE_PUBLISHED, publish(roadmapId, plan.afterObjectives(), effectiveOn),
                    "structure");
        }

        ImportSummary summary = run.summary();
        log.info("import: done, {} events appended, {} skipped", summary.eventsAppended(), summary.skipped().size());
        return summary;
    }

    private void importObjectives(RoadmapFile file, ImportRun run) {
        ObjectiveReconciliation reconciliation = new ObjectiveReconciliation(run);
        ImportProgress progress = new ImportProgress(countObjectives(file));
        for (RoadmapFile.Axis axis : file.axes()) {
            for (RoadmapFile.Priority priority : axis.priorities()) {
                for (RoadmapFile.Objective objective : priority.objectivesOrNone()) {
                    ObjectiveImportView current = ledger.objective(ObjectiveId.of(objective.code()),
                            run.effectiveOn());
                    reconciliation.reconcile(axis.code(), priority.code(), objective, current);
                    progress.objectiveDone();
                }
            }
        }
    }

    private LocalDate effectiveOn(RoadmapFile file, RoadmapImportView roadmap) {
        if (file.effectiveOn() != null) {
            return file.effectiveOn();
        }
        return roadmap == null ? file.launchedOn() : EffectiveDates.today(clock);
    }

    private static PublishRoadmapStructure publish(RoadmapId roadmapId, StructurePlan.Structure structure,
                                                   LocalDate effectiveOn) {
        return new PublishRoadmapStructure(roadmapId, structure.title(), structure.axes(), effectiveOn);
    }

    private static int countObjectives(RoadmapFile file) {
        return file.axes().stream()
                .flatMap(axis -> axis.priorities().stream())
                .mapToInt(priority -> priority.objectivesOrNone().size())
                .sum();
    }
}
