package org.roadmapledger.platform.ops;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code /actuator/health} component {@code eventStore}: the event store answers a read of its head, whether it is
 * PostgreSQL (Axon's JDBC engine) or Axon Server.
 */
public class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final ObjectProvider<EventStore> eventStores;

    public EventStoreHealthIndicator(ObjectProvider<EventStore> eventStores) {
        super("the event store cannot be read");
        this.eventStores = eventStores;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        EventStore eventStore = eventStores.getObject();
        TrackingToken head = eventStore.createHeadToken();
        builder.up()
                .withDetail("store", eventStore.getClass().getSimpleName())
                .withDetail("headPosition", head == null ? -1 : head.position().orElse(-1));
    }
}
