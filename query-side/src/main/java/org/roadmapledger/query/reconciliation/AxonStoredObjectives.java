package org.roadmapledger.query.reconciliation;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.roadmapledger.query.objective.ObjectivePosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.ArrayList;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Any event store, through Axon's API only (Axon Server): pages over the objectives the views know and asks the
 * store for each one's last sequence number, one call per objective. It cannot find an objective the views have
 * never seen at all; on Axon Server the stream has no gaps, so none is expected.
 */
class AxonStoredObjectives implements StoredObjectives {

    private final EventStore eventStore;
    private final MongoTemplate mongo;

    AxonStoredObjectives(EventStore eventStore, MongoTemplate mongo) {
        this.eventStore = eventStore;
        this.mongo = mongo;
    }

    @Override
    public List<Stored> page(String afterId, int size) {
        Query known = Query.query(where("_id").gt(afterId)).with(Sort.by("_id")).limit(size);
        List<Stored> page = new ArrayList<>();
        for (ObjectivePosition position : mongo.find(known, ObjectivePosition.class)) {
            eventStore.lastSequenceNumberFor(position.objectiveId())
                    .ifPresent(last -> page.add(new Stored(position.objectiveId(), last)));
        }
        return page;
    }

    @Override
    public String source() {
        return "axon-event-store";
    }
}
