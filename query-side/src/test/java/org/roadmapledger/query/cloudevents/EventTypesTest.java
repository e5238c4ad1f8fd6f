package org.roadmapledger.query.cloudevents;

import org.junit.jupiter.api.Test;
import org.roadmapledger.api.objective.MilestoneAchievementRevoked;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.proof.LedgerSealed;
import org.roadmapledger.api.roadmap.RoadmapStructurePublished;

import static org.assertj.core.api.Assertions.assertThat;

class EventTypesTest {

    @Test
    void every_event_has_a_cloud_event_type_naming_its_aggregate_name_and_revision() {
        assertThat(EventTypes.known()).hasSize(11);
        assertThat(EventTypes.cloudEventType(LedgerSealed.class)).isEqualTo("org.roadmapledger.proof.ledger-sealed.v1");
        assertThat(EventTypes.cloudEventType(MilestoneAchievementRevoked.class))
                .isEqualTo("org.roadmapledger.objective.milestone-achievement-revoked.v1");
        assertThat(EventTypes.cloudEventType(RoadmapStructurePublished.class))
                .isEqualTo("org.roadmapledger.roadmap.roadmap-structure-published.v2");
        assertThat(EventTypes.shortName("org.roadmapledger.objective.sponsor-assigned.v1")).hasValue("SponsorAssigned");
        assertThat(EventTypes.shortName("StatusReported")).hasValue("StatusReported");
        assertThat(EventTypes.shortName("org.roadmapledger.objective.sponsor-assigned.v2")).isEmpty();
    }

    @Test
    void a_type_of_an_earlier_revision_still_names_its_event() {
        assertThat(EventTypes.cloudEventType(ObjectiveDefined.class))
                .isEqualTo("org.roadmapledger.objective.objective-defined.v2");
        assertThat(EventTypes.shortName("org.roadmapledger.objective.objective-defined.v1"))
                .hasValue("ObjectiveDefined");
        assertThat(EventTypes.shortName("org.roadmapledger.objective.objective-defined.v3")).isEmpty();
        assertThat(EventTypes.shortName("org.roadmapledger.objective.objective-defined.v0")).isEmpty();
    }
}
