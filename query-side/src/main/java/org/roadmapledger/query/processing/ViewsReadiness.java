package org.roadmapledger.query.processing;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/health} component {@code views}, part of readiness: OUT_OF_SERVICE until every view processor
 * holds its segments and they have read up to the head of the event stream as it was when the application was
 * ready, that is after the start-up import. Before, a request could see fewer objectives than the ledger holds
 * (or none after a rebuild). Once reached, it stays UP: a busy ledger is always a little behind its head, and
 * readiness must not flap with it.
 */
@Component("viewsHealthIndicator")
class ViewsReadiness extends AbstractHealthIndicator {

    private final ViewProcessors processors;
    private final EventStore eventStore;
    private volatile Long headAtStart;
    private volatile boolean reached;

    ViewsReadiness(ViewProcessors processors, @Lazy EventStore eventStore) {
        super("The view processors could not be read");
        this.processors = processors;
        this.eventStore = eventStore;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rememberTheHead() {
        TrackingToken head = eventStore.createHeadToken();
        headAtStart = head == null ? 0 : head.position().orElse(0);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Long head = headAtStart;
        if (reached) {
            builder.up();
            return;
        }
        Map<String, Object> positions = new LinkedHashMap<>();
        boolean all = head != null;
        for (String name : ProcessingGroups.VIEWS) {
            Map<Integer, EventTrackerStatus> owned = processors.owned(name);
            long slowest = owned.isEmpty() ? -1 : Long.MAX_VALUE;
            for (EventTrackerStatus status : owned.values()) {
                slowest = Math.min(slowest, status.isErrorState() ? -1 : status.getCurrentPosition().orElse(-1));
            }
            positions.put(name, Map.of("segmentsHeld", owned.size(), "position", slowest));
            all &= head != null && !owned.isEmpty() && slowest >= head;
        }
        if (all) {
            reached = true;
            builder.up();
            return;
        }
        builder.status(Status.OUT_OF_SERVICE).withDetail("headAtStart", head == null ? "not yet read" : head)
                .withDetail("processors", positions);
    }
}
