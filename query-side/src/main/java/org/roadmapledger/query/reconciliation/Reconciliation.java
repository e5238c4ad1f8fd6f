package org.roadmapledger.query.reconciliation;

import org.roadmapledger.query.processing.ProcessingGroups;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.roadmapledger.query.deadletter.DeadLetters;
import org.roadmapledger.query.history.HistoryContiguity;
import org.roadmapledger.query.history.HistoryEntry;
import org.roadmapledger.query.history.HistoryProjection;
import org.roadmapledger.query.objective.versions.ObjectiveVersionProjection;
import org.roadmapledger.query.processing.Maintenance;
import org.roadmapledger.query.processing.ProcessingProperties;
import org.roadmapledger.query.processing.ViewProcessors;
import org.roadmapledger.query.web.ReplayGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks every objective's views against the event store and repairs what they miss: an event the processors
 * never saw (committed into a gap after it was given up, AxonFramework#4829) is read from the store and applied
 * to the versions ({@link ObjectiveVersionProjection#repair}) and to the history. Objectives whose events are
 * parked in a dead-letter queue have them retried first, and are reported with the failure when they still fail;
 * objectives whose version segment another instance processes
 * are left to that instance's reconciliation. It runs only once this instance's processors have caught up, so
 * that an event still on its way is not mistaken for a lost one; the drift it found is the gauge
 * {@code ledger.reconciliation.drift}, what it applied the counter {@code ledger.reconciliation.repaired}.
 */
@Component
public class Reconciliation {

    /** Why a run did not compare anything. */
    public enum Skip { BUSY, REPLAYING, CATCHING_UP }

    public enum State { COMPLETED, SKIPPED }

    static final int LISTED_OBJECTIVES = 100;
    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    /** One drifting objective and what became of each view. */
    public record Objective(String objectiveId, long storeSequence, long viewSequence, long historyEntries,
                            String versions, String history) {
    }

    public record Report(String trigger, State state, Skip skipped, String source, Instant startedAt,
                         Instant finishedAt, long objectivesChecked, int pages, int drifting, int parked,
                         int leftToOtherInstances, long eventsReapplied, long historyEntriesRestored,
                         List<Objective> objectives) {
    }

    private final StoredObjectives store;
    private final DriftFinder finder;
    private final ObjectiveVersionProjection versions;
    private final HistoryProjection history;
    private final EventStore eventStore;
    private final DeadLetters deadLetters;
    private final ViewProcessors processors;
    private final Maintenance maintenance;
    private final ReplayGuard replay;
    private final MongoTemplate mongo;
    private final ProcessingProperties properties;
    private final Clock clock;
    private final AtomicReference<Report> last = new AtomicReference<>();
    private final AtomicLong drift = new AtomicLong();
    private final Counter reapplied;
    private final Counter restored;

    Reconciliation(StoredObjectives store, ObjectiveVersionProjection versions, HistoryProjection history,
                   @Lazy EventStore eventStore, DeadLetters deadLetters, ViewProcessors processors,
                   Maintenance maintenance, ReplayGuard replay, MongoTemplate mongo, ProcessingProperties properties,
                   Clock clock, MeterRegistry meters) {
        this.store = store;
        this.finder = new DriftFinder(store, mongo);
        this.versions = versions;
        this.history = history;
        this.eventStore = eventStore;
        this.deadLetters = deadLetters;
        this.processors = processors;
        this.maintenance = maintenance;
        this.replay = replay;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("ledger.reconciliation.drift", drift, AtomicLong::get)
                .description("Objectives whose views missed events, outside the dead-letter queues, at the last run")
                .register(meters);
        this.reapplied = Counter.builder("ledger.reconciliation.repaired").tag("view", "objective-versions")
                .description("Events the reconciliation applied that the processors had missed").register(meters);
        this.restored = Counter.builder("ledger.reconciliation.repaired").tag("view", "audit-history")
                .description("Events the reconciliation applied that the processors had missed").register(meters);
    }

    public Optional<Report> lastReport() {
        return Optional.ofNullable(last.get());
    }

    /** Compares and repairs now, unless a replay or another run holds the views or the processors lag. */
    public Report run(String trigger) {
        Instant startedAt = clock.instant();
        if (replay.rebuilding()) {
            return skipped(trigger, Skip.REPLAYING, startedAt);
        }
        if (!maintenance.begin(Duration.ZERO)) {
            return skipped(trigger, Skip.BUSY, startedAt);
        }
        try {
            if (replay.rebuilding()) {
                return skipped(trigger, Skip.REPLAYING, startedAt);
            }
            if (!processors.caughtUp()) {
                return skipped(trigger, Skip.CATCHING_UP, startedAt);
            }
            return compareAndRepair(trigger, startedAt);
        } finally {
            maintenance.end();
        }
    }

    private Report compareAndRepair(String trigger, Instant startedAt) {
        DriftFinder.Scan scan = finder.scan(properties.reconciliationPage());
        List<Objective> objectives = new ArrayList<>();
        int parked = 0;
        int elsewhere = 0;
        long eventsReapplied = 0;
        long entriesRestored = 0;
        for (DriftFinder.Drift found : scan.drifting()) {
            String id = found.objectiveId();
            String versionsOutcome = "complete";
            String historyOutcome = "complete";
            if (found.versionsBehind()) {
                Optional<String> stillParked = retryParked(ProcessingGroups.OBJECTIVE_VERSIONS, id);
                if (stillParked.isPresent()) {
                    versionsOutcome = "parked: " + stillParked.get();
                } else if (!processors.ownsObjective(ProcessingGroups.OBJECTIVE_VERSIONS, id)) {
                    versionsOutcome = "other-instance";
                } else {
                    eventsReapplied += versions.repair(id, found.storeSequence());
                    versionsOutcome = "repaired";
                }
            }
            if (found.historyIncomplete()) {
                Optional<String> stillParked = retryParked(ProcessingGroups.AUDIT_HISTORY, id);
                if (stillParked.isPresent()) {
                    historyOutcome = "parked: " + stillParked.get();
                } else {
                    entriesRestored += restoreHistory(id, found.storeSequence());
                    historyOutcome = "repaired";
                }
            }
            boolean onlyParked = !"repaired".equals(versionsOutcome) && !"repaired".equals(historyOutcome)
                    && (versionsOutcome.startsWith("parked") || historyOutcome.startsWith("parked"));
            parked += onlyParked ? 1 : 0;
            elsewhere += "other-instance".equals(versionsOutcome) ? 1 : 0;
            if (objectives.size() < LISTED_OBJECTIVES) {
                objectives.add(new Objective(id, found.storeSequence(), found.viewSequence(),
                        found.historyEntries(), versionsOutcome, historyOutcome));
            }
        }
        int drifting = scan.drifting().size();
        drift.set(drifting - parked);
        reapplied.increment(eventsReapplied);
        restored.increment(entriesRestored);
        Report report = new Report(trigger, State.COMPLETED, null, store.source(), startedAt, clock.instant(),
                scan.objectivesChecked(), scan.pages(), drifting, parked, elsewhere, eventsReapplied, entriesRestored,
                objectives);
        last.set(report);
        if (drifting > parked) {
            log.warn("Reconciliation ({}): {} of {} objectives had missed events; applied {} to the versions and "
                            + "restored {} history entries; {} left to another instance, {} parked", trigger,
                    drifting - parked, scan.objectivesChecked(), eventsReapplied, entriesRestored, elsewhere, parked);
        } else {
            log.info("Reconciliation ({}): {} objectives match the event store in {} pages, {} ms{}", trigger,
                    scan.objectivesChecked(), scan.pages(), Duration.between(startedAt, report.finishedAt()).toMillis(),
                    parked > 0 ? ", " + parked + " parked in the dead-letter queues" : "");
        }
        return report;
    }

    /**
     * Parked events are retried first (their cause may be gone, as after a crash that left a view half written);
     * empty when none is left parked, else why they still fail.
     */
    private Optional<String> retryParked(String group, String objectiveId) {
        if (!deadLetters.parked(group, objectiveId)) {
            return Optional.empty();
        }
        Optional<String> cause = deadLetters.retry(group, objectiveId);
        if (cause.isEmpty()) {
            log.info("Reconciliation: the parked events of objective {} in [{}] applied on retry", objectiveId, group);
        }
        return cause;
    }

    private long restoreHistory(String objectiveId, long storeSequence) {
        Set<Long> present = HistoryContiguity.present(mongo.getCollection(HistoryEntry.COLLECTION), objectiveId, 0,
                storeSequence);
        long restoredEntries = 0;
        long last = -1;
        DomainEventStream events = eventStore.readEvents(objectiveId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (!present.contains(event.getSequenceNumber())) {
                history.restore(event);
                restoredEntries++;
            }
            last = event.getSequenceNumber();
        }
        // every entry up to the store's last is there now, also when none was missing but the head did not know it
        if (last >= 0) {
            history.confirmContiguous(objectiveId, last);
        }
        return restoredEntries;
    }

    private Report skipped(String trigger, Skip reason, Instant startedAt) {
        log.info("Reconciliation ({}) skipped: {}", trigger, reason);
        Report report = new Report(trigger, State.SKIPPED, reason, store.source(), startedAt, clock.instant(), 0, 0,
                0, 0, 0, 0, 0, List.of());
        if (reason != Skip.BUSY) {
            last.set(report); // a run refused because one is under way keeps that one's report
        }
        return report;
    }
}
