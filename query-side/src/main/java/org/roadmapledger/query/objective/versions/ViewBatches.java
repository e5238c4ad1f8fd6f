package org.roadmapledger.query.objective.versions;

import org.roadmapledger.query.processing.ProcessingGroups;
import org.axonframework.config.ConfigurerModule;
import org.roadmapledger.query.store.BatchedWrites;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Ties a {@link ViewBatch} to each batch of events the processor hands over
 * ({@code axon.eventhandling.processors.objective-versions.batch-size}): its documents are read once (mostly before
 * its first event, in one request per collection: {@link ViewBatch#prefetch}), changed in
 * memory by every event of the batch, and written once at its end. Outside a unit of work (a gap filled on
 * demand) a batch is written at once.
 */
@Component
class ViewBatches {

    private final ObjectiveVersionStore store;
    private final ProjectionProgress progress;
    private final BatchedWrites<ViewBatch> writes;

    ViewBatches(ObjectiveVersionStore store, ProjectionProgress progress) {
        this.store = store;
        this.progress = progress;
        this.writes = new BatchedWrites<>(ProcessingGroups.OBJECTIVE_VERSIONS, this::detached,
                ViewBatch::prefetch, this::flush);
    }

    /** The batch of the current unit of work, or null when there is none. */
    ViewBatch current() {
        return writes.current();
    }

    ViewBatch detached() {
        return new ViewBatch(store);
    }

    void flush(ViewBatch batch) {
        Map<String, Long> reached = batch.flush();
        reached.forEach(progress::applied);
    }

    @Bean
    ConfigurerModule writeObjectiveViewsAtTheEndOfEachBatch() {
        return writes.module();
    }
}
