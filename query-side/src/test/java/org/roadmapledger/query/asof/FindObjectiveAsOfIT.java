package org.roadmapledger.query.asof;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.roadmapledger.api.objective.FindObjectiveAsOf;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.ObjectiveStatusView;
import org.roadmapledger.query.QueryTestInfrastructure;
import org.roadmapledger.query.feed.EventWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Axon query {@link FindObjectiveAsOf}, as an Axon-native client asks it. */
@SpringBootTest(properties = "ledger.feed.poll-interval=20ms")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class FindObjectiveAsOfIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        QueryTestInfrastructure.register(registry);
    }

    @Autowired
    EventStore eventStore;
    @Autowired
    QueryGateway queryGateway;

    @Test
    void a_subscription_to_the_current_objective_gets_its_state_then_an_update_per_change() {
        // given
        EventWriter writer = new EventWriter(eventStore);
        ObjectiveId id = ObjectiveId.of("asof-1");
        writer.define(id.value(), "1");
        await().atMost(PATIENCE).until(() -> ask(FindObjectiveAsOf.current(id)) != null);
        SubscriptionQueryResult<ObjectiveStatusView, ObjectiveStatusView> result = queryGateway.subscriptionQuery(
                FindObjectiveAsOf.current(id), ObjectiveStatusView.class, ObjectiveStatusView.class);
        List<ObjectiveStatusView> updates = new CopyOnWriteArrayList<>();
        ObjectiveStatusView initial = result.initialResult().block(PATIENCE);
        result.updates().subscribe(updates::add);

        // when
        writer.assign(id.value(), "ANS");
        writer.report(id.value(), 40);

        // then
        await().atMost(PATIENCE).until(() -> updates.stream().anyMatch(view -> view.version() == 2));
        result.cancel();
        assertThat(initial.objectiveId()).isEqualTo("asof-1");
        assertThat(initial.sponsor()).isNull();
        assertThat(initial.version()).isZero();
        ObjectiveStatusView last = updates.get(updates.size() - 1);
        assertThat(last.sponsor()).isEqualTo("ANS");
        assertThat(last.status()).isEqualTo(ObjectiveStatus.ON_TRACK);
        assertThat(last.progressPercent()).isEqualTo(40);
        assertThat(updates).extracting(ObjectiveStatusView::version).isSorted();
    }

    @Test
    void the_objective_as_known_in_the_past_does_not_show_what_was_recorded_later() {
        // given
        EventWriter writer = new EventWriter(eventStore);
        ObjectiveId id = ObjectiveId.of("asof-2");
        writer.define(id.value(), "1");
        await().atMost(PATIENCE).until(() -> ask(FindObjectiveAsOf.current(id)) != null);
        // the views keep recorded times to the millisecond
        Instant beforeTheSponsor = Instant.now().minusMillis(1);
        writer.assign(id.value(), "DNS");
        await().atMost(PATIENCE).until(() -> "DNS".equals(ask(FindObjectiveAsOf.current(id)).sponsor()));

        // when
        ObjectiveStatusView then = ask(new FindObjectiveAsOf(id, beforeTheSponsor, LocalDate.parse("2024-06-01")));
        ObjectiveStatusView unknown = ask(FindObjectiveAsOf.current(ObjectiveId.of("asof-never")));

        // then
        assertThat(then.sponsor()).isNull();
        assertThat(then.version()).isZero();
        assertThat(then.validAt()).isEqualTo(LocalDate.parse("2024-06-01"));
        assertThat(unknown).isNull();
    }

    private ObjectiveStatusView ask(FindObjectiveAsOf query) {
        return queryGateway.query(query, ResponseTypes.instanceOf(ObjectiveStatusView.class)).join();
    }
}
