package org.roadmapledger.command.seed;

import org.roadmapledger.platform.security.TestIssuer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roadmapledger.api.objective.MarkMilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.command.LedgerTestDatabase;
import org.roadmapledger.command.rules.EffectiveDates;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import against the real event store. Each test starts from an empty ledger: emptying the tables is much
 * cheaper than a Spring context, and its embedded PostgreSQL, per test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.import-on-startup=false")
@ExtendWith(OutputCaptureExtension.class)
class RoadmapImportIT {

    private static final LocalDate LAUNCHED_ON = LocalDate.of(2023, 5, 17);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestDatabase.register(registry);
    }

    @Autowired
    RoadmapImport roadmapImport;
    @Autowired
    ObjectMapper objectMapper;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway gateway;
    @Autowired
    Clock clock;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A fresh ledger for each import; the event table refuses truncation, so the test lifts that as its owner. */
    @BeforeEach
    void emptyLedger() {
        jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER domain_event_entry_no_truncate");
        jdbc.execute("TRUNCATE domain_event_entry, snapshot_event_entry, roadmap_priority, objective_placement, "
                + "idempotency_key");
        jdbc.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER domain_event_entry_no_truncate");
    }

    @Test
    void the_first_import_records_the_whole_roadmap_as_launched_on_its_launch_date(CapturedOutput output)
            throws IOException {
        // when
        ImportSummary summary = importFile(bundled());

        // then
        assertThat(eventsByType(0)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "RoadmapStructurePublished", 1,
                "ObjectiveDefined", 65,
                "MilestonePlanned", 8));
        assertThat(summary).isEqualTo(new ImportSummary("fr-digital-health-2023-2027", LAUNCHED_ON,
                1, 65, 0, 0, 0, 8, 0, List.of(), 74));
        assertThat(jdbc.queryForObject("SELECT jsonb_array_length(convert_from(payload, 'UTF8')::jsonb -> 'axes') "
                + "FROM domain_event_entry WHERE payload_type LIKE '%RoadmapStructurePublished'", Integer.class))
                .isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM roadmap_priority", Integer.class)).isEqualTo(18);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE "
                + "'%ObjectiveDefined' AND (convert_from(payload, 'UTF8')::jsonb ->> 'titleProvisional')::boolean",
                Integer.class)).as("objectives whose title the file marks provisional").isEqualTo(59);
        assertThat(distinct("convert_from(payload, 'UTF8')::jsonb ->> 'effectiveOn'"))
                .containsExactly(LAUNCHED_ON.toString());
        assertThat(distinct("convert_from(meta_data, 'UTF8')::jsonb ->> 'actor'")).containsExactly("system:import");
        assertThat(distinct("convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId'")).hasSize(1);
        assertThat(output).contains("import: 10/65 objectives (15%)", "import: 65/65 objectives (100%)");
    }

    @Test
    void importing_the_same_file_again_records_nothing() throws IOException {
        // given
        importFile(bundled());
        long before = lastIndex();

        // when
        ImportSummary summary = importFile(bundled());

        // then
        assertThat(eventsByType(before)).isEmpty();
        assertThat(summary).isEqualTo(new ImportSummary("fr-digital-health-2023-2027", today(),
                0, 0, 0, 0, 0, 0, 0, List.of(), 0));
    }

    @Test
    void an_official_title_in_the_file_amends_the_objective_and_marks_its_title_official() throws IOException {
        // given
        importFile(bundled());
        long before = lastIndex();
        ObjectNode edited = bundled();
        objective(edited, "2.01").with("title").put("fr", "Titre officiel de l'objectif 2.01");
        objective(edited, "2.01").with("provisional").put("title", false);

        // when
        ImportSummary summary = importFile(edited);

        // then
        assertThat(eventsByType(before)).containsExactlyInAnyOrderEntriesOf(Map.of("ObjectiveAmended", 1));
        JsonNode amended = payloadOf("ObjectiveAmended", before);
        assertThat(amended.get("title").asText()).isEqualTo("Titre officiel de l'objectif 2.01");
        assertThat(amended.get("titleProvisional").asBoolean()).isFalse();
        assertThat(summary.eventsAppended()).isEqualTo(1);
        long afterEdit = lastIndex();
        assertThat(importFile(edited).eventsAppended()).isZero();
        assertThat(eventsByType(afterEdit)).isEmpty();
    }

    @Test
    void an_edited_file_records_its_differences_and_nothing_else_effective_today() throws IOException {
        // given
        importFile(bundled());
        long before = lastIndex();
        ObjectNode edited = bundled();
        objective(edited, "1.02").with("title").put("fr", "Rappels des examens obligatoires de l'enfant");
        moveObjective(edited, "1.03", "1.P2");
        milestone(edited, "1.01", 0).put("dueOn", "2024-06-30");
        milestones(edited, "1.01").addObject().put("milestoneId", "M3").put("dueOn", "2027-12-31")
                .putObject("title").put("fr", "Bilan final");
        objective(edited, "1.04").put("sponsor", "ANS");
        priorities(edited, "4").addObject().put("code", "4.P5").putArray("objectives");
        priority(edited, "4.P5").putObject("title").put("fr", "Priorité 4.5");

        // when
        ImportSummary summary = importFile(edited);

        // then
        assertThat(eventsByType(before)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "RoadmapStructurePublished", 1,
                "ObjectiveAmended", 1,
                "ObjectiveMoved", 1,
                "MilestoneRescheduled", 1,
                "MilestonePlanned", 1,
                "SponsorAssigned", 1));
        assertThat(summary).isEqualTo(new ImportSummary("fr-digital-health-2023-2027", today(),
                1, 0, 1, 1, 1, 1, 1, List.of(), 6));
        assertThat(distinctAfter(before, "convert_from(payload, 'UTF8')::jsonb ->> 'effectiveOn'"))
                .containsExactly(today().toString());
        JsonNode rescheduled = payloadOf("MilestoneRescheduled", before);
        assertThat(rescheduled.get("objectiveId").asText()).isEqualTo("1.01");
        assertThat(rescheduled.get("previousDueOn").asText()).isEqualTo("2023-12-31");
        assertThat(rescheduled.get("dueOn").asText()).isEqualTo("2024-06-30");
        assertThat(rescheduled.get("reason").asText()).isEqualTo("due date changed in the roadmap file");
        assertThat(payloadOf("ObjectiveMoved", before).get("previousPriority").asText()).isEqualTo("1.P1");
        assertThat(payloadOf("SponsorAssigned", before).get("objectiveId").asText()).isEqualTo("1.04");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM roadmap_priority", Integer.class)).isEqualTo(19);

        // and importing the edited file again records nothing
        long afterEdit = lastIndex();
        assertThat(importFile(edited).eventsAppended()).isZero();
        assertThat(eventsByType(afterEdit)).isEmpty();
    }

    @Test
    void a_file_that_drops_a_priority_and_adds_another_moves_its_objectives_between_two_publications()
            throws IOException {
        // given: 4.P4 becomes 4.P5, with the same four objectives
        importFile(bundled());
        long before = lastIndex();
        ObjectNode edited = bundled();
        ObjectNode renamed = priority(edited, "4.P4");
        renamed.put("code", "4.P5");
        renamed.with("title").put("fr", "Priorité 4.5");

        // when
        ImportSummary summary = importFile(edited);

        // then
        assertThat(eventsByType(before)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "RoadmapStructurePublished", 2,
                "ObjectiveMoved", 4));
        assertThat(summary.structurePublished()).isEqualTo(2);
        assertThat(summary.moved()).isEqualTo(4);
        assertThat(summary.skipped()).isEmpty();
        assertThat(jdbc.queryForList("SELECT priority_code FROM roadmap_priority WHERE axis_code = '4' "
                + "ORDER BY priority_code", String.class)).containsExactly("4.P1", "4.P2", "4.P3", "4.P5");
        assertThat(jdbc.queryForList("SELECT objective_id FROM objective_placement WHERE priority_code = '4.P5' "
                + "ORDER BY objective_id", String.class)).containsExactly("4.15", "4.16", "4.17", "4.18");
        long afterEdit = lastIndex();
        assertThat(importFile(edited).eventsAppended()).isZero();
        assertThat(eventsByType(afterEdit)).isEmpty();
    }

    @Test
    void a_priority_that_still_holds_objectives_the_file_no_longer_lists_stays_and_is_reported() throws IOException {
        // given: the file drops 4.P4 together with its objectives, which stay in the ledger
        importFile(bundled());
        long before = lastIndex();
        ObjectNode edited = bundled();
        priorities(edited, "4").remove(3);

        // when
        ImportSummary summary = importFile(edited);

        // then
        assertThat(eventsByType(before)).isEmpty();
        assertThat(summary.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.subject()).isEqualTo("structure");
            assertThat(skipped.reason()).contains("4.P4", "still holds objectives");
        });
    }

    @Test
    void an_achieved_milestone_is_not_rescheduled_but_reported_as_skipped() throws IOException {
        // given
        importFile(bundled());
        gateway.sendAndWait(new MarkMilestoneAchieved(ObjectiveId.of("1.01"), MilestoneId.of("M1"),
                LocalDate.of(2023, 12, 20), null, null));
        long before = lastIndex();
        ObjectNode edited = bundled();
        milestone(edited, "1.01", 0).put("dueOn", "2024-06-30");

        // when
        ImportSummary summary = importFile(edited);

        // then
        assertThat(eventsByType(before)).isEmpty();
        assertThat(summary.milestonesRescheduled()).isZero();
        assertThat(summary.skipped()).singleElement().satisfies(skipped -> {
            assertThat(skipped.subject()).isEqualTo("objective 1.01 milestone M1");
            assertThat(skipped.reason()).contains("achieved", "2023-12-31", "2024-06-30");
        });
    }

    @Test
    void the_file_s_own_effective_date_applies_to_every_command() throws IOException {
        // given
        ObjectNode file = bundled();
        file.put("effectiveOn", "2024-01-15");

        // when
        ImportSummary summary = importFile(file);

        // then
        assertThat(summary.effectiveOn()).isEqualTo(LocalDate.of(2024, 1, 15));
        assertThat(distinct("convert_from(payload, 'UTF8')::jsonb ->> 'effectiveOn'")).containsExactly("2024-01-15");
    }

    @Test
    void posting_a_roadmap_file_imports_it_and_answers_with_the_summary() throws Exception {
        // when
        HttpResponse<String> response = post(bundledBytes(), "import-run-1");

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = objectMapper.readTree(response.body());
        assertThat(body.get("roadmapId").asText()).isEqualTo("fr-digital-health-2023-2027");
        assertThat(body.get("effectiveOn").asText()).isEqualTo("2023-05-17");
        assertThat(body.get("structurePublished").asInt()).isEqualTo(1);
        assertThat(body.get("objectivesDefined").asInt()).isEqualTo(65);
        assertThat(body.get("amended").asInt()).isZero();
        assertThat(body.get("moved").asInt()).isZero();
        assertThat(body.get("sponsorsAssigned").asInt()).isZero();
        assertThat(body.get("milestonesPlanned").asInt()).isEqualTo(8);
        assertThat(body.get("milestonesRescheduled").asInt()).isZero();
        assertThat(body.get("skipped").isArray()).isTrue();
        assertThat(body.get("eventsAppended").asInt()).isEqualTo(74);
        assertThat(distinct("convert_from(meta_data, 'UTF8')::jsonb ->> 'correlationId'"))
                .containsExactly("import-run-1");
        // an import on demand acts as its caller, with the role that gives it the right
        assertThat(distinct("convert_from(meta_data, 'UTF8')::jsonb ->> 'actorSubject'")).containsExactly("tester");
        assertThat(distinct("convert_from(meta_data, 'UTF8')::jsonb ->> 'actorRoles'"))
                .containsExactly("[\"programme-office\"]");
    }

    @Test
    void posting_a_file_for_another_roadmap_is_refused_with_400_and_records_nothing() throws Exception {
        // given
        ObjectNode file = bundled();
        file.put("roadmapId", "another-roadmap-2030");

        // when
        HttpResponse<String> response = post(objectMapper.writeValueAsBytes(file), null);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = objectMapper.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:roadmap-ledger:problem:unknown-roadmap");
        assertThat(problem.get("detail").asText()).contains("another-roadmap-2030", "fr-digital-health-2023-2027");
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("roadmapId");
        assertThat(lastIndex()).isZero();
    }

    @Test
    void posting_an_invalid_file_is_refused_with_400_naming_every_field_at_fault_and_records_nothing()
            throws Exception {
        // given
        ObjectNode file = bundled();
        objective(file, "1.05").put("code", "1 05");
        milestone(file, "4.15", 1).remove("dueOn");

        // when
        HttpResponse<String> response = post(objectMapper.writeValueAsBytes(file), null);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = objectMapper.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:roadmap-ledger:problem:invalid-request");
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactly(
                "axes[0].priorities[1].objectives[0].code",
                "axes[3].priorities[3].objectives[0].milestones[1].dueOn");
        assertThat(lastIndex()).isZero();
    }

    // --- the file -------------------------------------------------------------------------------------------------

    private ObjectNode bundled() throws IOException {
        return (ObjectNode) objectMapper.readTree(bundledBytes());
    }

    private static byte[] bundledBytes() throws IOException {
        try (InputStream in = new ClassPathResource(RoadmapFileSource.BUNDLED).getInputStream()) {
            return in.readAllBytes();
        }
    }

    private ImportSummary importFile(ObjectNode tree) throws JsonProcessingException {
        return roadmapImport.run(objectMapper.treeToValue(tree, RoadmapFile.class), "test-" + System.nanoTime());
    }

    private static ArrayNode priorities(ObjectNode file, String axisCode) {
        for (JsonNode axis : file.get("axes")) {
            if (axis.get("code").asText().equals(axisCode)) {
                return (ArrayNode) axis.get("priorities");
            }
        }
        throw new IllegalArgumentException("no axis " + axisCode);
    }

    private static ObjectNode priority(ObjectNode file, String code) {
        for (JsonNode axis : file.get("axes")) {
            for (JsonNode priority : axis.get("priorities")) {
                if (priority.get("code").asText().equals(code)) {
                    return (ObjectNode) priority;
                }
            }
        }
        throw new IllegalArgumentException("no priority " + code);
    }

    private static ObjectNode objective(ObjectNode file, String code) {
        for (JsonNode axis : file.get("axes")) {
            for (JsonNode priority : axis.get("priorities")) {
                for (JsonNode objective : priority.get("objectives")) {
                    if (objective.get("code").asText().equals(code)) {
                        return (ObjectNode) objective;
                    }
                }
            }
        }
        throw new IllegalArgumentException("no objective " + code);
    }

    private static ArrayNode milestones(ObjectNode file, String objectiveCode) {
        return (ArrayNode) objective(file, objectiveCode).get("milestones");
    }

    private static ObjectNode milestone(ObjectNode file, String objectiveCode, int index) {
        return (ObjectNode) milestones(file, objectiveCode).get(index);
    }

    private static void moveObjective(ObjectNode file, String code, String toPriority) {
        ObjectNode moving = objective(file, code);
        for (JsonNode axis : file.get("axes")) {
            for (JsonNode priority : axis.get("priorities")) {
                ArrayNode objectives = (ArrayNode) priority.get("objectives");
                for (int i = 0; i < objectives.size(); i++) {
                    if (objectives.get(i) == moving) {
                        objectives.remove(i);
                    }
                }
            }
        }
        ((ArrayNode) priority(file, toPriority).get("objectives")).add(moving);
    }

    // --- the event store ------------------------------------------------------------------------------------------

    private long lastIndex() {
        return jdbc.queryForObject("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", Long.class);
    }

    /** Events appended after that global index, counted by payload type's simple name. */
    private Map<String, Integer> eventsByType(long after) {
        Map<String, Integer> counts = new TreeMap<>();
        jdbc.query("SELECT payload_type, count(*) FROM domain_event_entry WHERE global_index > ? "
                        + "GROUP BY payload_type",
                rs -> {
                    String type = rs.getString(1);
                    counts.put(type.substring(type.lastIndexOf('.') + 1), rs.getInt(2));
                }, after);
        return counts;
    }

    private List<String> distinct(String expression) {
        return distinctAfter(0, expression);
    }

    private List<String> distinctAfter(long after, String expression) {
        return jdbc.queryForList("SELECT DISTINCT " + expression + " FROM domain_event_entry WHERE global_index > ?",
                String.class, after);
    }

    private JsonNode payloadOf(String type, long after) throws JsonProcessingException {
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                + "WHERE global_index > ? AND payload_type LIKE ?", String.class, after, "%." + type);
        return objectMapper.readTree(payload);
    }

    private LocalDate today() {
        return EffectiveDates.today(clock);
    }

    // --- HTTP -----------------------------------------------------------------------------------------------------

    private HttpResponse<String> post(byte[] body, String correlationId) throws IOException, InterruptedException {
        HttpRequest.Builder request = TestIssuer.authorized(URI.create("http://localhost:" + port
                        + "/api/roadmap/import"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
