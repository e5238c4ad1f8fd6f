package org.roadmapledger.query.roadmap;

import org.roadmapledger.query.processing.ProcessingGroups;
import org.roadmapledger.query.store.ViewCollections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.roadmapledger.api.roadmap.RoadmapStructurePublished;
import jakarta.annotation.PostConstruct;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Keeps every published structure; idempotent because each has its own id (roadmap and structure version). */
@Component
@ProcessingGroup(ProcessingGroups.OBJECTIVE_VERSIONS)
class RoadmapStructureProjection {

    private final MongoTemplate mongo;

    RoadmapStructureProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @PostConstruct
    void createIndexes() {
        mongo.indexOps(RoadmapStructureVersion.class).ensureIndex(new Index().named("roadmap_effective")
                .on("roadmapId", Sort.Direction.ASC).on("effectiveOn", Sort.Direction.ASC));
    }

    @EventHandler
    void on(RoadmapStructurePublished event, @Timestamp Instant recordedAt) {
        mongo.save(new RoadmapStructureVersion(event.roadmapId().value() + "#" + event.structureVersion(),
                event.roadmapId().value(), event.structureVersion(), event.title(), event.axes(), recordedAt,
                event.effectiveOn().toString()));
    }

    @ResetHandler
    void reset() {
        ViewCollections.drop(mongo, List.of(RoadmapStructureVersion.COLLECTION));
        createIndexes();
    }
}
