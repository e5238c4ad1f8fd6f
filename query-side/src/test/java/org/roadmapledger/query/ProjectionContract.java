package org.roadmapledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.roadmapledger.api.objective.MilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneAchievementRevoked;
import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.MilestonePlanned;
import org.roadmapledger.api.objective.MilestoneRescheduled;
import org.roadmapledger.api.objective.ObjectiveAmended;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveMoved;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.SponsorAssigned;
import org.roadmapledger.api.objective.StatusReported;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.query.history.HistoryEntry;
import org.roadmapledger.query.history.HistoryHead;
import org.roadmapledger.query.objective.versions.ObjectiveVersionStore;
import org.roadmapledger.query.roadmap.RoadmapStructureVersion;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Every event type through the real processors into the views; the same events delivered again change nothing;
 * and views rebuilt from scratch (tokens reset through Axon) are identical, document for document.
 */
public abstract class ProjectionContract extends QueryContract {

    private static final List<String> VIEW_COLLECTIONS = Stream.concat(ObjectiveVersionStore.COLLECTIONS.stream(),
            Stream.of(HistoryEntry.COLLECTION, HistoryHead.COLLECTION, RoadmapStructureVersion.COLLECTION)).toList();

    @Autowired
    private TokenStore tokenStore;
    @Autowired
    private DeliveryCounter deliveries;

    private String objective;
    private final List<String> eventIds = new ArrayList<>();
    private TrackingToken beforeTheseEvents;

    @BeforeAll
    void recordOneEventOfEachType() {
        ContractRoadmap.ensurePublished(ledger(), eventStore, roadmapId()); // the store is never empty then
        beforeTheseEvents = eventStore.createHeadToken();
        objective = id("p-every-type");
        ObjectiveId id = ObjectiveId.of(objective);
        MilestoneId m1 = MilestoneId.of("M1");
        List<ObjectiveEvent> events = List.of(
                new ObjectiveDefined(id, RoadmapId.of("projection-roadmap"), "1", "1.P1", "Titre", "Description",
                        day(1)),
                new ObjectiveAmended(id, "Nouveau titre", null, day(2)),
                new ObjectiveMoved(id, "2", "2.P1", "1", "1.P1", day(3)),
                new SponsorAssigned(id, "ANS", null, "arbitrage", day(4)),
                new MilestonePlanned(id, m1, "Pilote", day(30), day(5)),
                new MilestoneRescheduled(id, m1, day(40), day(30), "retard", day(6)),
                new MilestoneAchieved(id, m1, day(7), "PV", day(7)),
                new MilestoneAchievementRevoked(id, m1, "recette invalidée", day(8)),
                new StatusReported(id, ObjectiveStatus.AT_RISK, 40, "pilote à refaire", day(9)));
        LedgerEvents ledger = ledger();
        for (int i = 0; i < events.size(); i++) {
            String eventId = UUID.randomUUID().toString();
            eventIds.add(eventId);
            ledger.record(events.get(i), Instant.parse("2024-02-01T10:00:00Z").plusSeconds(i),
                    MetaData.with("actor", "alice@ans").and("correlationId", "corr-" + i)
                            .and("causationId", "cause-" + i).and("idempotencyKey", "key-" + i), eventId);
        }
        awaitProjected(objective, events.size() - 1);
    }

    @Test
    void every_event_type_shows_in_the_objective_view_on_its_effective_date() {
        Map<LocalDate, String> expectations = new LinkedHashMap<>();
        expectations.put(day(1), "/title=Titre,/description=Description,/priority=1.P1,/version=8");
        expectations.put(day(2), "/title=Nouveau titre,/description=null");
        expectations.put(day(3), "/axis=2,/priority=2.P1,/sponsor=null");
        expectations.put(day(4), "/sponsor=ANS,/milestones/0=missing");
        expectations.put(day(5), "/milestones/0/milestoneId=M1,/milestones/0/dueOn=2024-01-30");
        expectations.put(day(6), "/milestones/0/dueOn=2024-02-09,/milestones/0/achievedOn=null");
        expectations.put(day(7), "/milestones/0/achievedOn=2024-01-07,/status=NOT_STARTED");
        expectations.put(day(8), "/milestones/0/achievedOn=null,/progressPercent=null");
        expectations.put(day(9), "/status=AT_RISK,/progressPercent=40");
        expectations.forEach((validAt, fields) -> {
            // when
            JsonNode view = get("/api/objectives/" + objective + "?validAt=" + validAt).json();

            // then
            for (String field : fields.split(",")) {
                String[] pointerAndValue = field.split("=", 2);
                JsonNode actual = view.at(pointerAndValue[0]);
                String shown = actual.isMissingNode() ? "missing" : actual.isNull() ? "null" : actual.asText();
                assertThat(shown).as(validAt + " " + pointerAndValue[0] + " in " + view)
                        .isEqualTo(pointerAndValue[1]);
            }
        });
    }

    @Test
    void every_event_type_is_in_the_audit_history_with_its_metadata_and_payload() {
        // when
        JsonNode items = get("/api/objectives/" + objective + "/history").json().get("items");

        // then
        List<String> types = new ArrayList<>();
        items.forEach(item -> types.add(item.get("type").asText()));
        assertThat(types).containsExactly("ObjectiveDefined", "ObjectiveAmended", "ObjectiveMoved",
                "SponsorAssigned", "MilestonePlanned", "MilestoneRescheduled", "MilestoneAchieved",
                "MilestoneAchievementRevoked", "StatusReported");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            assertThat(item.get("sequence").asLong()).isEqualTo(i);
            assertThat(item.get("eventId").asText()).isEqualTo(eventIds.get(i));
            assertThat(item.get("actor").asText()).isEqualTo("alice@ans");
            assertThat(item.get("correlationId").asText()).isEqualTo("corr-" + i);
            assertThat(item.get("effectiveOn").asText()).isEqualTo(day(i + 1).toString());
            assertThat(item.get("payload").get("objectiveId").asText()).isEqualTo(objective);
        }
        HistoryEntry stored = mongo.findById(HistoryEntry.id(objective, 3), HistoryEntry.class);
        assertThat(stored.eventId()).isEqualTo(eventIds.get(3));
        assertThat(stored.causationId()).isEqualTo("cause-3");
        assertThat(stored.idempotencyKey()).isEqualTo("key-3");
        assertThat(items.get(3).get("payload").get("sponsor").asText()).isEqualTo("ANS");
        assertThat(items.get(4).get("payload").get("dueOn").asText()).isEqualTo("2024-01-30");
    }

    @Test
    void the_same_events_delivered_again_change_nothing_even_when_a_position_was_lost() {
        // given
        awaitAllProcessed();
        Map<String, List<org.bson.Document>> before = snapshot();
        int deliveredBefore = deliveries.of(eventIds.get(8));
        // as if the process had died after writing the last event's rectangles, before moving the position on
        mongo.updateFirst(Query.query(where("_id").is(objective)), new Update().set("lastSequence", 6),
                ObjectiveVersionStore.POSITIONS);

        // when every processor goes back to before these events and delivers them again
        for (StreamingEventProcessor processor : processors()) {
            processor.shutdownAsync().join();
            for (int segment : tokenStore.fetchSegments(processor.getName())) {
                tokenStore.storeToken(beforeTheseEvents, processor.getName(), segment);
            }
            processor.start();
        }
        awaitAllProcessed();
        awaitProjected(objective, 8);

        // then
        assertThat(deliveries.of(eventIds.get(8))).isGreaterThan(deliveredBefore);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void views_rebuilt_from_scratch_are_identical_to_those_built_event_by_event() {
        // given
        awaitAllProcessed();
        Map<String, List<org.bson.Document>> before = snapshot();

        // when
        for (StreamingEventProcessor processor : processors()) {
            processor.shutdownAsync().join();
            processor.resetTokens();
            processor.start();
        }
        awaitAllProcessed();

        // then
        assertThat(snapshot()).isEqualTo(before);
        assertThat(before.get(ObjectiveVersionStore.SLICES)).isNotEmpty();
    }

    private Map<String, List<org.bson.Document>> snapshot() {
        Map<String, List<org.bson.Document>> views = new LinkedHashMap<>();
        for (String collection : VIEW_COLLECTIONS) {
            views.put(collection, mongo.find(new Query().with(Sort.by("_id")), org.bson.Document.class,
                    collection));
        }
        return views;
    }

    private static LocalDate day(int n) {
        return LocalDate.of(2024, 1, 1).plusDays(n - 1L);
    }
}
