package org.roadmapledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled roadmap marks the titles that are placeholders (every priority's, 59 objectives'); the views say which
 * ones, so that no page or client mistakes a numbered placeholder for the official wording.
 */
class ProvisionalTitlesIT extends RunningStandalone {

    @Test
    void the_views_say_which_titles_of_the_bundled_roadmap_are_provisional() {
        // when
        JsonNode roadmap = http().getJson("/api/roadmap?validAt=2024-06-30");
        List<JsonNode> priorities = new ArrayList<>();
        List<String> provisionalObjectives = new ArrayList<>();
        List<String> officialObjectives = new ArrayList<>();
        for (JsonNode axis : roadmap.get("axes")) {
            for (JsonNode priority : axis.get("priorities")) {
                priorities.add(priority);
                for (JsonNode objective : priority.get("objectives")) {
                    (objective.get("titleProvisional").asBoolean() ? provisionalObjectives : officialObjectives)
                            .add(objective.get("objectiveId").asText());
                }
            }
        }

        // then
        assertThat(priorities).hasSize(18).allMatch(priority -> priority.get("titleProvisional").asBoolean());
        assertThat(officialObjectives).containsExactlyInAnyOrder("1.01", "1.02", "1.03", "1.04", "1.05", "4.15");
        assertThat(provisionalObjectives).hasSize(59);
        assertThat(http().getJson("/api/objectives/2.01").get("titleProvisional").asBoolean()).isTrue();
        assertThat(http().getJson("/api/objectives/1.01").get("titleProvisional").asBoolean()).isFalse();
    }
}
