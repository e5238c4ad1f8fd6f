package org.roadmapledger.command.seed;

import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.command.objective.Objective;
import org.roadmapledger.command.objective.ObjectiveImportView;
import org.roadmapledger.command.roadmap.Roadmap;
import org.roadmapledger.command.roadmap.RoadmapImportView;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.function.Function;

/**
 * Reads the aggregates as the import needs them, straight from the event store: no read model to wait for, and
 * the same fold the commands are decided on. Each read loads the aggregate in a unit of work that is rolled back:
 * reading appends no event, and the aggregate's lock is released at once.
 */
@Component
class CurrentLedger {

    private final Configuration axon;
    private final EventStore eventStore;

    CurrentLedger(Configuration axon, EventStore eventStore) {
        this.axon = axon;
        this.eventStore = eventStore;
    }

    /** The roadmap's structure in force, or null before its first publication. */
    RoadmapImportView roadmap(String roadmapId) {
        return read(axon.repository(Roadmap.class), roadmapId, Roadmap::importView);
    }

    /** The objective as in force on that date, or null when the ledger has no such objective. */
    ObjectiveImportView objective(ObjectiveId objectiveId, LocalDate on) {
        return read(axon.repository(Objective.class), objectiveId.value(), objective -> objective.importView(on));
    }

    private <T, R> R read(Repository<T> repository, String id, Function<T, R> reading) {
        // Asked first because loading a missing aggregate fails, and Axon logs every such failure as a warning.
        if (eventStore.lastSequenceNumberFor(id).isEmpty()) {
            return null;
        }
        // No message: a read is no command, and a repository warns of a unit of work holding any other kind.
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(id).invoke(reading);
        } finally {
            unitOfWork.rollback();
        }
    }
}
