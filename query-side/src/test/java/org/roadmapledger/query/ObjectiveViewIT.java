package org.roadmapledger.query;

import org.roadmapledger.platform.security.TestIssuer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.MilestonePlanned;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.SponsorAssigned;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ObjectiveViewIT {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        QueryTestInfrastructure.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_backdated_sponsor_shows_at_past_valid_dates_but_not_as_known_before_it_was_recorded() throws Exception {
        // given
        LedgerEvents events = new LedgerEvents(eventStore);
        ObjectiveId id = ObjectiveId.of("smoke-1");
        events.record(new ObjectiveDefined(id, RoadmapId.of("fr-digital-health-2023-2027"), "1", "1.P1", "Titre",
                null, LocalDate.parse("2023-05-17")), Instant.parse("2023-05-17T08:00:00Z"));
        events.record(new MilestonePlanned(id, MilestoneId.of("M1"), "Jalon", LocalDate.parse("2024-03-31"),
                LocalDate.parse("2023-05-17")), Instant.parse("2023-05-17T08:00:01Z"));
        long last = events.record(new SponsorAssigned(id, "ANS", null, "correction", LocalDate.parse("2023-06-01")),
                Instant.parse("2025-01-10T10:00:00Z"));

        // when
        String now = get("/api/objectives/smoke-1?minVersion=" + last + "&validAt=2024-01-01");
        String before = get("/api/objectives/smoke-1?asOf=2024-12-31&validAt=2024-01-01");
        String overdue = get("/api/objectives/smoke-1?validAt=2024-04-01");

        // then
        assertThat(now).contains("\"sponsor\":\"ANS\"").contains("\"version\":2");
        assertThat(before).contains("\"sponsor\":null").contains("\"version\":1")
                .contains("\"asOf\":\"2024-12-31T22:59:59.999Z\"");
        assertThat(overdue).contains("\"overdue\":true");
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(TestIssuer.authorized(URI.create("http://localhost:" + port + path))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
