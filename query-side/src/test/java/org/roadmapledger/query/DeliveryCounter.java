package org.roadmapledger.query;

import org.roadmapledger.query.processing.ProcessingGroups;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.query.history.HistoryProjection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts how often the audit-history processor delivered each event, so that a redelivery test can tell that
 * the events really came again.
 */
@ProcessingGroup(ProcessingGroups.AUDIT_HISTORY)
public class DeliveryCounter {

    private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();

    @EventHandler
    void on(ObjectiveEvent event, EventMessage<?> message) {
        deliveries.merge(message.getIdentifier(), 1, Integer::sum);
    }

    public int of(String eventId) {
        return deliveries.getOrDefault(eventId, 0);
    }
}
