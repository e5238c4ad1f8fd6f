package org.roadmapledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roadmapledger.api.objective.MilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.MilestonePlanned;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.SponsorAssigned;
import org.roadmapledger.api.objective.StatusReported;
import org.roadmapledger.api.roadmap.RoadmapId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of DESIGN.md's query API through the real server: shapes field by field, filters, paging, the
 * roadmap's rollups, waiting for a version, and every kind of bad parameter (400 problem+json, never a 5xx).
 */
public abstract class QueryApiContract extends QueryContract {

    private static final String PROBLEM = "application/problem+json";

    private String listPriority;

    @BeforeAll
    void recordTheLedger() {
        LedgerEvents ledger = ledger();
        ContractRoadmap.ensurePublished(ledger, eventStore, roadmapId());
        recordRoadmapOf2019(ledger);
        recordListedObjectives(ledger);
        awaitAllProcessed();
    }

    // --- GET /api/roadmap --------------------------------------------------------------------------------------

    /**
     * The roadmap as known at the end of 2019-06-30: r1 (ON_TRACK, one milestone achieved, one overdue) and r2
     * (AT_RISK, one overdue) under axis 1, r3 (NOT_STARTED) under axis 2; r4 was recorded only in July.
     */
    private void recordRoadmapOf2019(LedgerEvents ledger) {
        String r1 = id("r1");
        String r2 = id("r2");
        String r3 = id("r3");
        String r4 = id("r4");
        define(ledger, r1, "1", "1.P1", "2019-02-01", "2019-02-01T09:00:00Z");
        define(ledger, r2, "1", "1.P2", "2019-02-01", "2019-02-01T09:00:01Z");
        define(ledger, r3, "2", "2.P1", "2019-02-01", "2019-02-01T09:00:02Z");
        define(ledger, r4, "2", "2.P1", "2019-02-01", "2019-07-15T09:00:00Z");
        // each objective's events in recording order, as the event store has them
        record(ledger, new MilestonePlanned(oid(r1), MilestoneId.of("M1"), "Pilote", date("2019-04-30"),
                date("2019-02-01")), "2019-02-01T10:00:00Z");
        record(ledger, new MilestonePlanned(oid(r1), MilestoneId.of("M2"), "Généralisation", date("2019-05-31"),
                date("2019-02-01")), "2019-02-01T10:00:01Z");
        record(ledger, new StatusReported(oid(r1), ObjectiveStatus.ON_TRACK, 40, null, date("2019-03-01")),
                "2019-03-01T09:00:00Z");
        record(ledger, new MilestoneAchieved(oid(r1), MilestoneId.of("M1"), date("2019-04-15"), null,
                date("2019-04-15")), "2019-04-15T09:00:00Z");
        record(ledger, new SponsorAssigned(oid(r2), "ANS", null, null, date("2019-02-01")), "2019-02-01T11:00:00Z");
        record(ledger, new MilestonePlanned(oid(r2), MilestoneId.of("M1"), "Cadrage", date("2019-06-15"),
                date("2019-02-01")), "2019-02-01T11:00:01Z");
        record(ledger, new StatusReported(oid(r2), ObjectiveStatus.AT_RISK, null, null, date("2019-05-01")),
                "2019-05-01T09:00:00Z");
    }

    @Test
    void the_roadmap_has_exactly_the_shape_of_design_md() {
        // when
        Response response = get("/api/roadmap?asOf=2019-06-30");

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode tree = response.json();
        assertThat(names(tree)).containsExactly("roadmapId", "title", "asOf", "validAt", "rollup", "axes");
        assertThat(tree.get("roadmapId").asText()).isEqualTo(roadmapId());
        assertThat(tree.get("title").asText()).isEqualTo(ContractRoadmap.TITLE_2019);
        assertThat(tree.get("asOf").asText()).isEqualTo("2019-06-30T21:59:59.999Z");
        assertThat(tree.get("validAt").asText()).isEqualTo("2019-06-30");
        assertThat(names(tree.get("rollup"))).containsExactly("objectives", "byStatus", "milestones");
        assertThat(names(tree.get("rollup").get("milestones"))).containsExactly("planned", "achieved", "overdue");
        JsonNode axis = tree.get("axes").get(0);
        assertThat(names(axis)).containsExactly("code", "title", "rollup", "priorities");
        JsonNode priority = axis.get("priorities").get(0);
        // titleProvisional is the ledger's addition to DESIGN.md's shape (issue 11): a title may be a placeholder
        assertThat(names(priority)).containsExactly("code", "title", "titleProvisional", "rollup", "objectives");
        assertThat(priority.get("titleProvisional").asBoolean()).isFalse();
        JsonNode objective = priority.get("objectives").get(0);
        assertThat(names(objective)).containsExactly("objectiveId", "title", "titleProvisional", "sponsor",
                "status", "progressPercent", "milestones");
        assertThat(objective.get("titleProvisional").asBoolean()).isFalse();
        assertThat(objective.get("objectiveId").asText()).isEqualTo(id("r1"));
        assertThat(objective.get("sponsor").isNull()).isTrue();
        assertThat(objective.get("progressPercent").asInt()).isEqualTo(40);
        assertThat(objective.get("milestones").toString()).isEqualTo("{\"planned\":2,\"achieved\":1,\"overdue\":1}");
    }

    @Test
    void the_roadmap_rolls_up_objectives_per_status_and_milestones_per_priority_axis_and_roadmap() {
        // when
        JsonNode tree = get("/api/roadmap?asOf=2019-06-30").json();

        // then
        assertThat(tree.get("rollup").toString()).isEqualTo("{\"objectives\":3,\"byStatus\":{\"NOT_STARTED\":1,"
                + "\"ON_TRACK\":1,\"AT_RISK\":1},\"milestones\":{\"planned\":3,\"achieved\":1,\"overdue\":2}}");
        JsonNode axis1 = tree.get("axes").get(0);
        assertThat(axis1.get("code").asText()).isEqualTo("1");
        assertThat(axis1.get("rollup").toString()).isEqualTo("{\"objectives\":2,\"byStatus\":{\"ON_TRACK\":1,"
                + "\"AT_RISK\":1},\"milestones\":{\"planned\":3,\"achieved\":1,\"overdue\":2}}");
        assertThat(axis1.get("priorities").get(0).get("rollup").toString()).isEqualTo("{\"objectives\":1,"
                + "\"byStatus\":{\"ON_TRACK\":1},\"milestones\":{\"planned\":2,\"achieved\":1,\"overdue\":1}}");
        assertThat(axis1.get("priorities").get(1).get("rollup").toString()).isEqualTo("{\"objectives\":1,"
                + "\"byStatus\":{\"AT_RISK\":1},\"milestones\":{\"planned\":1,\"achieved\":0,\"overdue\":1}}");
        JsonNode axis2 = tree.get("axes").get(1);
        assertThat(axis2.get("rollup").toString()).isEqualTo("{\"objectives\":1,\"byStatus\":{\"NOT_STARTED\":1},"
                + "\"milestones\":{\"planned\":0,\"achieved\":0,\"overdue\":0}}");
        assertThat(axis2.get("priorities")).hasSize(1);
    }

    @Test
    void an_objective_not_yet_recorded_at_as_of_is_absent_from_the_roadmap_and_not_counted() {
        // when
        JsonNode june = get("/api/roadmap?asOf=2019-06-30").json();
        JsonNode july = get("/api/roadmap?asOf=2019-07-31").json();

        // then
        assertThat(TemporalContract.priorityHolding(june, id("r4"))).isNull();
        assertThat(june.at("/axes/1/priorities/0/objectives")).hasSize(1);
        assertThat(TemporalContract.priorityHolding(july, id("r4"))).isEqualTo("2.P1");
        assertThat(july.at("/rollup/objectives").asInt()).isEqualTo(4);
        assertThat(july.at("/axes/1/rollup/byStatus/NOT_STARTED").asInt()).isEqualTo(2);
    }

    @Test
    void overdue_milestones_are_counted_relative_to_valid_at() {
        // when
        JsonNode may = get("/api/roadmap?asOf=2019-06-30&validAt=2019-05-31").json();
        JsonNode june = get("/api/roadmap?asOf=2019-06-30&validAt=2019-06-01").json();

        // then
        assertThat(may.at("/rollup/milestones/overdue").asInt()).isZero();
        assertThat(june.at("/rollup/milestones/overdue").asInt()).isEqualTo(1);
    }

    @Test
    void the_roadmap_is_404_problem_json_where_no_structure_is_known_or_in_effect() {
        // when
        Response notKnown = get("/api/roadmap?asOf=2018-12-31");
        Response notInEffect = get("/api/roadmap?validAt=2018-12-31");

        // then
        for (Response response : List.of(notKnown, notInEffect)) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).isEqualTo(PROBLEM);
            assertThat(names(response.json())).contains("type", "title", "status", "detail");
            assertThat(response.json().get("status").asInt()).isEqualTo(404);
        }
    }

    // --- GET /api/objectives ----------------------------------------------------------------------------------

    /** Seven objectives alone under one priority, so that counts are exact whatever else the ledger holds. */
    private void recordListedObjectives(LedgerEvents ledger) {
        listPriority = "9.P-" + variant();
        for (int i = 1; i <= 7; i++) {
            String objective = id("l" + i);
            define(ledger, objective, i <= 5 ? "9" : "8", listPriority, "2022-03-01",
                    "2022-03-01T09:00:0" + i + "Z");
            if (i % 2 == 0) {
                record(ledger, new SponsorAssigned(oid(objective), "SP-" + variant(), null, null,
                        date("2022-03-01")), "2022-03-02T09:00:00Z");
            }
            if (i >= 6) {
                record(ledger, new StatusReported(oid(objective), ObjectiveStatus.LATE, null, null,
                        date("2022-04-01")), "2022-04-01T09:00:00Z");
            }
        }
    }

    @Test
    void objectives_are_listed_by_id_with_every_filter() {
        String all = "/api/objectives?priority=" + listPriority;

        assertThat(ids(get(all))).containsExactly(id("l1"), id("l2"), id("l3"), id("l4"), id("l5"), id("l6"),
                id("l7"));
        assertThat(ids(get(all + "&axis=8"))).containsExactly(id("l6"), id("l7"));
        assertThat(ids(get(all + "&sponsor=SP-" + variant()))).containsExactly(id("l2"), id("l4"), id("l6"));
        assertThat(ids(get(all + "&status=LATE"))).containsExactly(id("l6"), id("l7"));
        assertThat(ids(get(all + "&status=LATE&validAt=2022-03-31"))).isEmpty();
        assertThat(ids(get(all + "&status=NOT_STARTED&axis=8&validAt=2022-03-31")))
                .containsExactly(id("l6"), id("l7"));
        assertThat(ids(get(all + "&sponsor=SP-" + variant() + "&asOf=2022-03-01"))).isEmpty();
        assertThat(ids(get(all + "&asOf=2022-03-01T09:00:03Z"))).containsExactly(id("l1"), id("l2"), id("l3"));
        assertThat(ids(get("/api/objectives?axis=9&sponsor=SP-" + variant() + "&status=NOT_STARTED&priority="
                + listPriority))).containsExactly(id("l2"), id("l4"));
    }

    @Test
    void a_page_of_objectives_has_the_shape_of_design_md() {
        // when
        Response response = get("/api/objectives?priority=" + listPriority + "&axis=8&validAt=2022-05-01");

        // then
        assertThat(response.status()).isEqualTo(200);
        assertThat(names(response.json())).containsExactly("items", "page", "size", "totalItems");
        assertThat(response.json().get("page").asInt()).isZero();
        assertThat(response.json().get("size").asInt()).isEqualTo(50);
        assertThat(response.json().get("totalItems").asLong()).isEqualTo(2);
        JsonNode view = response.json().get("items").get(0);
        assertThat(names(view)).containsExactly("objectiveId", "axis", "priority", "title", "titleProvisional",
                "description",
                "sponsor", "status", "progressPercent", "milestones", "version", "asOf", "validAt");
        assertThat(view.get("status").asText()).isEqualTo("LATE");
        assertThat(view.get("validAt").asText()).isEqualTo("2022-05-01");
        assertThat(view.get("version").asLong()).isEqualTo(2);
    }

    @ParameterizedTest(name = "page={0} size={1} → {2} items")
    @CsvSource({"0, 3, 3", "1, 3, 3", "2, 3, 1", "3, 3, 0", "0, 1, 1", "6, 1, 1", "0, 500, 7", "1000000, 500, 0", "4294967, 500, 0"})
    void objectives_are_paged_from_page_0_with_sizes_from_1_to_500(int page, int size, int items) {
        // when
        Response response = get("/api/objectives?priority=" + listPriority + "&page=" + page + "&size=" + size);

        // then
        assertThat(response.status()).as(response.json().toString()).isEqualTo(200);
        assertThat(response.json().get("items")).hasSize(items);
        assertThat(response.json().get("page").asInt()).isEqualTo(page);
        assertThat(response.json().get("size").asInt()).isEqualTo(size);
        assertThat(response.json().get("totalItems").asLong()).isEqualTo(7);
    }

    @Test
    void pages_follow_each_other_without_overlap() {
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            seen.addAll(ids(get("/api/objectives?priority=" + listPriority + "&size=2&page=" + page)));
        }
        assertThat(seen).containsExactly(id("l1"), id("l2"), id("l3"), id("l4"), id("l5"), id("l6"), id("l7"));
    }

    // --- GET /api/objectives/{id} -----------------------------------------------------------------------------

    @Test
    void one_objective_has_exactly_the_shape_of_design_md() {
        // when
        Response response = get("/api/objectives/" + id("r1") + "?asOf=2019-06-30");

        // then
        assertThat(response.status()).isEqualTo(200);
        JsonNode view = response.json();
        assertThat(names(view)).containsExactly("objectiveId", "axis", "priority", "title", "titleProvisional",
                "description",
                "sponsor", "status", "progressPercent", "milestones", "version", "asOf", "validAt");
        assertThat(view.get("description").isNull()).isTrue();
        assertThat(view.get("sponsor").isNull()).isTrue();
        assertThat(view.get("version").asLong()).isEqualTo(4);
        assertThat(view.get("asOf").asText()).isEqualTo("2019-06-30T21:59:59.999Z");
        JsonNode milestone = view.get("milestones").get(0);
        assertThat(names(milestone)).containsExactly("milestoneId", "title", "dueOn", "achievedOn", "overdue");
        assertThat(milestone.toString()).isEqualTo("{\"milestoneId\":\"M1\",\"title\":\"Pilote\",\"dueOn\":"
                + "\"2019-04-30\",\"achievedOn\":\"2019-04-15\",\"overdue\":false}");
        assertThat(view.get("milestones").get(1).get("achievedOn").isNull()).isTrue();
        assertThat(view.get("milestones").get(1).get("overdue").asBoolean()).isTrue();
    }

    @Test
    void an_unknown_objective_is_404_problem_json() {
        Response response = get("/api/objectives/" + id("nobody"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo(PROBLEM);
        assertThat(response.json().get("detail").asText()).contains(id("nobody"));
    }

    @Test
    void with_min_version_already_reached_the_view_answers_at_once() {
        Response response = get("/api/objectives/" + id("r1") + "?minVersion=4");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("version").asLong()).isEqualTo(4);
    }

    @Test
    void with_min_version_the_view_waits_for_an_event_recorded_during_the_wait() {
        // given
        String objective = id("w1");
        LedgerEvents ledger = ledger();
        define(ledger, objective, "1", "1.P1", "2022-01-10", "2022-01-10T09:00:00Z");
        awaitProjected(objective, 0);
        CompletableFuture<Response> waiting = CompletableFuture.supplyAsync(
                () -> get("/api/objectives/" + objective + "?minVersion=1"));

        // when
        record(ledger, new SponsorAssigned(oid(objective), "ANS", null, null, date("2022-01-10")),
                Instant.now().toString());

        // then
        Response response = waiting.join();
        assertThat(response.status()).as(String.valueOf(response.json())).isEqualTo(200);
        assertThat(response.json().get("sponsor").asText()).isEqualTo("ANS");
        assertThat(response.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void with_a_min_version_never_reached_the_view_is_503_with_retry_after() {
        // when
        long started = System.nanoTime();
        Response response = get("/api/objectives/" + id("r1") + "?minVersion=99");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        // then
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).isEqualTo(PROBLEM);
        assertThat(Integer.parseInt(response.header("Retry-After"))).isPositive();
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(2900));
    }

    @Test
    void an_objective_is_404_before_it_was_recorded_or_before_it_took_effect() {
        assertThat(get("/api/objectives/" + id("r4") + "?asOf=2019-07-14").status()).isEqualTo(404);
        assertThat(get("/api/objectives/" + id("r4") + "?asOf=2019-07-15").status()).isEqualTo(200);
        assertThat(get("/api/objectives/" + id("r4") + "?validAt=2019-01-31").status()).isEqualTo(404);
    }

    // --- GET /api/objectives/{id}/history ---------------------------------------------------------------------

    @Test
    void the_history_is_paged_in_sequence_order_with_every_field_of_design_md() {
        // when
        Response page1 = get("/api/objectives/" + id("r1") + "/history?page=1&size=2");

        // then
        assertThat(page1.status()).isEqualTo(200);
        assertThat(names(page1.json())).containsExactly("items", "page", "size", "totalItems");
        assertThat(page1.json().get("totalItems").asLong()).isEqualTo(5);
        JsonNode items = page1.json().get("items");
        assertThat(items).hasSize(2);
        JsonNode item = items.get(0);
        assertThat(names(item)).containsExactly("sequence", "eventId", "type", "recordedAt", "effectiveOn",
                "actor", "correlationId", "payload");
        assertThat(item.get("sequence").asLong()).isEqualTo(2);
        assertThat(items.get(1).get("sequence").asLong()).isEqualTo(3);
        assertThat(item.get("type").asText()).isEqualTo("MilestonePlanned");
        assertThat(item.get("recordedAt").asText()).isEqualTo("2019-02-01T10:00:01Z");
        assertThat(item.get("effectiveOn").asText()).isEqualTo("2019-02-01");
        assertThat(item.get("actor").asText()).isEqualTo("test");
        assertThat(item.get("correlationId").asText()).isEqualTo("corr-" + id("r1") + "-2");
        assertThat(item.get("payload").toString()).isEqualTo("{\"objectiveId\":\"" + id("r1")
                + "\",\"milestoneId\":\"M2\",\"title\":\"Généralisation\",\"dueOn\":\"2019-05-31\","
                + "\"effectiveOn\":\"2019-02-01\"}");
        assertThat(get("/api/objectives/" + id("r1") + "/history?page=9").json().get("items")).isEmpty();
    }

    @Test
    void the_history_of_an_unknown_objective_is_404_problem_json() {
        Response response = get("/api/objectives/" + id("nobody") + "/history");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo(PROBLEM);
    }

    // --- bad parameters ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}?{1} → 400 naming {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/roadmap|asOf=yesterday|asOf",
            "/api/roadmap|asOf=2025-13-01|asOf",
            "/api/roadmap|asOf=2025-06-30T12:00:00|asOf",
            "/api/roadmap|asOf=%2B999999999-12-31T23:59:59Z|asOf",
            "/api/roadmap|asOf=-999999999-01-01T00:00:00Z|asOf",
            "/api/roadmap|validAt=2025-02-30|validAt",
            "/api/roadmap|validAt=%2B10000-01-01|validAt",
            "/api/roadmap|validAt=9999-12-31|validAt",
            "/api/roadmap|validAt=2025-06-30T00:00:00Z|validAt",
            "/api/objectives|page=-1|page",
            "/api/objectives|page=first|page",
            "/api/objectives|page=99999999999|page",
            "/api/objectives|page=2147483647&size=500|page",
            "/api/objectives/ANY/history|page=4294968&size=500|page",
            "/api/objectives|size=0|size",
            "/api/objectives|size=501|size",
            "/api/objectives|size=1.5|size",
            "/api/objectives|status=DONE|status",
            "/api/objectives|asOf=2025-06-31|asOf",
            "/api/objectives|validAt=tomorrow|validAt",
            "/api/objectives|pageSize=10|pageSize",
            "/api/roadmap|validat=2024-01-01|validat",
            "/api/objectives/ANY|minVersion=-1|minVersion",
            "/api/objectives/ANY|minVersion=latest|minVersion",
            "/api/objectives/ANY|minVersion=3&asOf=nope|asOf",
            "/api/objectives/ANY|validAt=2024-1-1|validAt",
            "/api/objectives/ANY|version=3|version",
            "/api/objectives/ANY/history|page=-2|page",
            "/api/objectives/ANY/history|size=100000|size",
            "/api/objectives/ANY/history|asOf=2024-01-01|asOf"})
    void a_bad_parameter_is_400_problem_json_naming_it(String path, String query, String parameter) {
        // when
        long started = System.nanoTime();
        Response response = get(path + "?" + query);

        // then
        assertThat(response.status()).as(String.valueOf(response.json())).isEqualTo(400);
        assertThat(response.contentType()).isEqualTo(PROBLEM);
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains(parameter);
        assertThat(response.json().at("/errors/0/field").asText()).isEqualTo(parameter);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2900));
    }

    @Test
    void blank_parameters_mean_their_default() {
        Response response = get("/api/objectives?priority=" + listPriority + "&axis=&sponsor=&asOf=&validAt=&page=&size=");

        assertThat(response.status()).as(String.valueOf(response.json())).isEqualTo(200);
        assertThat(response.json().get("totalItems").asLong()).isEqualTo(7);
        assertThat(response.json().get("size").asInt()).isEqualTo(50);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> fields = node.fieldNames();
        fields.forEachRemaining(names::add);
        return names;
    }

    private static List<String> ids(Response page) {
        assertThat(page.status()).as(String.valueOf(page.json())).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("objectiveId").asText()));
        return ids;
    }

    private void define(LedgerEvents ledger, String objectiveId, String axis, String priority, String effectiveOn,
                        String recordedAt) {
        record(ledger, new ObjectiveDefined(oid(objectiveId), RoadmapId.of(roadmapId()), axis, priority,
                "Objectif " + objectiveId, null, date(effectiveOn)), recordedAt);
    }

    private static void record(LedgerEvents ledger, ObjectiveEvent event, String recordedAt) {
        ledger.record(event, Instant.parse(recordedAt));
    }

    private static ObjectiveId oid(String id) {
        return ObjectiveId.of(id);
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
