package org.roadmapledger.query;

import org.roadmapledger.api.objective.ObjectiveStatusView;
import org.roadmapledger.query.objective.fold.MilestoneState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.roadmapledger.api.objective.MilestoneAchieved;
import org.roadmapledger.api.objective.MilestoneAchievementRevoked;
import org.roadmapledger.api.objective.MilestoneId;
import org.roadmapledger.api.objective.MilestonePlanned;
import org.roadmapledger.api.objective.MilestoneRescheduled;
import org.roadmapledger.api.objective.ObjectiveDefined;
import org.roadmapledger.api.objective.ObjectiveEvent;
import org.roadmapledger.api.objective.ObjectiveId;
import org.roadmapledger.api.objective.ObjectiveMoved;
import org.roadmapledger.api.objective.ObjectiveStatus;
import org.roadmapledger.api.objective.SponsorAssigned;
import org.roadmapledger.api.objective.StatusReported;
import org.roadmapledger.api.roadmap.RoadmapId;
import org.roadmapledger.query.objective.ObjectiveQueries;
import org.roadmapledger.query.objective.RandomHistories;
import org.roadmapledger.query.objective.RecordedEvent;
import org.roadmapledger.query.objective.ReferenceFold;
import org.roadmapledger.query.time.Viewpoint;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md's "Time: two axes", case by case, through the real projection and the real HTTP API. Each scenario
 * is one objective with a short history recorded at chosen instants; each row is a viewpoint and what the view
 * must show there. {@code "now"} means no {@code asOf} parameter.
 */
public abstract class TemporalContract extends QueryContract {

    private static final String NOW = "now";
    private static final String DEFAULT = "default";
    private static final String ABSENT = "(absent)";

    private final List<Row> rows = new ArrayList<>();

    /** One row of the table: a viewpoint on one objective and the JSON fields it must show (404: absent). */
    record Row(String scenario, String objective, String asOf, String validAt, Map<String, Object> expected) {

        @Override
        public String toString() {
            return scenario + ": asOf=" + asOf + " validAt=" + validAt + " → " + expected;
        }
    }

    private static final int RANDOM_HISTORIES = 20;

    @Autowired
    private ObjectiveQueries queries;

    private final Map<String, List<RecordedEvent>> randomHistories = new LinkedHashMap<>();

    @BeforeAll
    void recordScenarios() {
        LedgerEvents ledger = ledger();
        ContractRoadmap.ensurePublished(ledger, eventStore, roadmapId());
        backdatedCorrection(ledger);
        sameDay(ledger);
        effectiveLaterRecordedEarlier(ledger);
        daylightSavingTime(ledger);
        milestones(ledger);
        moves(ledger);
        for (long seed = 1; seed <= RANDOM_HISTORIES; seed++) {
            List<RecordedEvent> history = RandomHistories.generate(id("rf-" + seed), seed, 25);
            history.forEach(e -> ledger.record(e.event(), e.recordedAt()));
            randomHistories.put(id("rf-" + seed), history);
        }
        awaitAllProcessed();
    }

    @Test
    void seeded_random_histories_through_the_real_projection_answer_what_the_reference_fold_answers() {
        Random random = new Random(42);
        randomHistories.forEach((objectiveId, history) -> {
            List<Instant> instants = RandomHistories.interestingInstants(history);
            List<LocalDate> dates = RandomHistories.interestingDates(history);
            for (int i = 0; i < 40; i++) {
                // given
                Viewpoint at = new Viewpoint(instants.get(random.nextInt(instants.size())),
                        dates.get(random.nextInt(dates.size())));

                // when
                Optional<ReferenceFold.Expected> actual = queries.find(objectiveId, at).map(TemporalContract::folded);

                // then
                assertThat(actual).as(objectiveId + " at " + at)
                        .isEqualTo(ReferenceFold.at(history, at.asOf(), at.validAt()));
            }
        });
    }

    private static ReferenceFold.Expected folded(ObjectiveStatusView view) {
        return new ReferenceFold.Expected(view.axis(), view.priority(), view.title(), view.description(),
                view.sponsor(), view.status(), view.progressPercent(), view.milestones().stream()
                .map(m -> new MilestoneState(m.milestoneId(), m.title(), m.dueOn(), m.achievedOn())).toList(),
                view.version());
    }

    Stream<Arguments> rows() {
        return rows.stream().filter(r -> !r.expected().containsKey("tree")).map(Arguments::of);
    }

    Stream<Arguments> treeRows() {
        return rows.stream().filter(r -> r.expected().containsKey("tree")).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void the_objective_view_shows_the_fold_at_the_viewpoint(Row row) {
        // when
        Response response = get("/api/objectives/" + row.objective() + query(row));

        // then
        if (row.expected().containsKey("404")) {
            assertThat(response.status()).as(row + ": " + response.json()).isEqualTo(404);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
            return;
        }
        assertThat(response.status()).as(row + ": " + response.json()).isEqualTo(200);
        row.expected().forEach((pointer, value) -> assertThat(response.json().at(pointer))
                .as(row + " at " + pointer + " in " + response.json())
                .isEqualTo(ABSENT.equals(value) ? MissingNode.getInstance() : JSON.valueToTree(value)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("treeRows")
    void the_roadmap_places_the_objective_where_it_was_at_the_viewpoint(Row row) {
        // when
        Response response = get("/api/roadmap" + query(row));

        // then
        assertThat(response.status()).as(row + ": " + response.json()).isEqualTo(200);
        assertThat(priorityHolding(response.json(), row.objective())).as(row.toString())
                .isEqualTo(row.expected().get("tree"));
    }

    // --- scenarios -------------------------------------------------------------------------------------------

    private void backdatedCorrection(LedgerEvents ledger) {
        String a = id("t-correction");
        define(ledger, a, "2024-01-15", "2024-01-15T09:00:00Z", "1", "1.P1");
        record(ledger, new SponsorAssigned(oid(a), "ANS", null, null, date("2024-01-15")), "2024-01-15T10:00:00Z");
        record(ledger, new SponsorAssigned(oid(a), "DNS", "ANS", null, date("2024-06-01")), "2024-06-01T10:00:00Z");
        // recorded "today" (2025-02-10), effective in the past: a correction
        record(ledger, new SponsorAssigned(oid(a), "CNAM", "ANS", "correction", date("2024-03-01")),
                "2025-02-10T10:00:00Z");
        String s = "backdated correction";
        row(s, a, NOW, "2024-04-01", "/sponsor", "CNAM", "/version", 3);
        row(s, a, "2025-02-10T10:00:00Z", "2024-04-01", "/sponsor", "CNAM");
        row(s, a, "2025-02-10T09:59:59.999Z", "2024-04-01", "/sponsor", "ANS", "/version", 2);
        row(s, a, "2025-02-09", "2024-04-01", "/sponsor", "ANS", "/version", 2);
        row(s, a, NOW, "2024-02-29", "/sponsor", "ANS");
        row(s, a, NOW, "2024-07-01", "/sponsor", "DNS");
        row(s, a, "2024-12-31", "2024-07-01", "/sponsor", "DNS");
        row(s, a, "2024-01-15T09:30:00Z", DEFAULT, "/sponsor", null, "/status", "NOT_STARTED",
                "/progressPercent", null, "/description", null, "/version", 0);
        row(s, a, NOW, "2024-01-14", "404", true);
        row(s, a, "2024-01-15T08:59:59.999Z", "2024-06-01", "404", true);
    }

    private void sameDay(LedgerEvents ledger) {
        String b = id("t-same-day");
        define(ledger, b, "2024-02-01", "2024-02-01T08:00:00Z", "1", "1.P1");
        record(ledger, new StatusReported(oid(b), ObjectiveStatus.ON_TRACK, 30, null, date("2024-03-01")),
                "2024-03-01T08:00:00Z");
        // the same day, without a percentage: the status changes, the percentage stays
        record(ledger, new StatusReported(oid(b), ObjectiveStatus.AT_RISK, null, null, date("2024-03-01")),
                "2024-03-01T16:00:00Z");
        // a month later, effective that same day: the latest recorded wins the day
        record(ledger, new StatusReported(oid(b), ObjectiveStatus.LATE, 10, null, date("2024-03-01")),
                "2024-04-01T08:00:00Z");
        String s = "same-day events";
        row(s, b, "2024-03-01T12:00:00Z", "2024-03-01", "/status", "ON_TRACK", "/progressPercent", 30);
        row(s, b, "2024-03-01", "2024-03-01", "/status", "AT_RISK", "/progressPercent", 30);
        row(s, b, NOW, "2024-03-01", "/status", "LATE", "/progressPercent", 10);
        row(s, b, NOW, "2024-02-29", "/status", "NOT_STARTED", "/progressPercent", null);
    }

    private void effectiveLaterRecordedEarlier(LedgerEvents ledger) {
        String c = id("t-later");
        define(ledger, c, "2024-01-10", "2024-01-10T09:00:00Z", "1", "1.P1");
        record(ledger, new StatusReported(oid(c), ObjectiveStatus.ON_TRACK, null, null, date("2024-05-01")),
                "2024-05-01T09:00:00Z");
        record(ledger, new StatusReported(oid(c), ObjectiveStatus.AT_RISK, null, null, date("2024-04-01")),
                "2024-05-02T09:00:00Z");
        String s = "effective later, recorded earlier";
        row(s, c, NOW, "2024-05-15", "/status", "ON_TRACK");
        row(s, c, NOW, "2024-04-15", "/status", "AT_RISK");
        row(s, c, "2024-05-01T12:00:00Z", "2024-04-15", "/status", "NOT_STARTED");
        row(s, c, "2024-05-01T12:00:00Z", "2024-05-15", "/status", "ON_TRACK");
    }

    private void daylightSavingTime(LedgerEvents ledger) {
        String d = id("t-dst");
        define(ledger, d, "2024-03-01", "2024-03-01T09:00:00Z", "1", "1.P1");
        // the last and the first millisecond of a Paris day, around both changes of 2024
        record(ledger, new SponsorAssigned(oid(d), "ANS", null, null, date("2024-03-31")),
                "2024-03-31T21:59:59.999Z");
        record(ledger, new SponsorAssigned(oid(d), "DNS", "ANS", null, date("2024-04-01")),
                "2024-03-31T22:00:00Z");
        record(ledger, new SponsorAssigned(oid(d), "CNAM", "DNS", null, date("2024-10-27")),
                "2024-10-27T22:59:59.999Z");
        record(ledger, new SponsorAssigned(oid(d), "DGOS", "CNAM", null, date("2024-10-28")),
                "2024-10-27T23:00:00Z");
        String s = "asOf as a date, daylight saving time";
        row(s, d, "2024-03-30", DEFAULT, "/asOf", "2024-03-30T22:59:59.999Z", "/validAt", "2024-03-30",
                "/sponsor", null);
        row(s, d, "2024-03-31", DEFAULT, "/asOf", "2024-03-31T21:59:59.999Z", "/validAt", "2024-03-31",
                "/sponsor", "ANS", "/version", 1);
        row(s, d, "2024-04-01", DEFAULT, "/asOf", "2024-04-01T21:59:59.999Z", "/sponsor", "DNS");
        row(s, d, "2024-10-26", DEFAULT, "/asOf", "2024-10-26T21:59:59.999Z", "/sponsor", "DNS");
        row(s, d, "2024-10-27", DEFAULT, "/asOf", "2024-10-27T22:59:59.999Z", "/validAt", "2024-10-27",
                "/sponsor", "CNAM");
        row(s, d, "2024-10-28", DEFAULT, "/asOf", "2024-10-28T22:59:59.999Z", "/sponsor", "DGOS");
        String t = "asOf as an instant, validAt its Paris date";
        row(t, d, "2024-03-31T21:59:59.998Z", DEFAULT, "/validAt", "2024-03-31", "/sponsor", null);
        row(t, d, "2024-03-31T21:59:59.999Z", DEFAULT, "/validAt", "2024-03-31", "/sponsor", "ANS");
        row(t, d, "2024-03-31T22:00:00Z", DEFAULT, "/validAt", "2024-04-01", "/sponsor", "DNS");
        row(t, d, "2024-10-27T23:30:00+01:00", DEFAULT, "/asOf", "2024-10-27T22:30:00Z",
                "/validAt", "2024-10-27", "/sponsor", "DNS");
        row(t, d, "2024-10-27T23:59:59.999+01:00", DEFAULT, "/asOf", "2024-10-27T22:59:59.999Z",
                "/validAt", "2024-10-27", "/sponsor", "CNAM");
        row(t, d, "2024-10-27T23:00:00Z", DEFAULT, "/validAt", "2024-10-28", "/sponsor", "DGOS");
    }

    private void milestones(LedgerEvents ledger) {
        String e = id("t-milestones");
        MilestoneId m1 = MilestoneId.of("M1");
        define(ledger, e, "2024-01-01", "2024-01-01T09:00:00Z", "1", "1.P1");
        record(ledger, new MilestonePlanned(oid(e), m1, "Pilote", date("2024-03-31"), date("2024-01-01")),
                "2024-01-01T09:01:00Z");
        record(ledger, new MilestoneRescheduled(oid(e), m1, date("2024-06-30"), date("2024-03-31"), "retard",
                date("2024-03-15")), "2024-03-15T09:00:00Z");
        record(ledger, new MilestoneAchieved(oid(e), m1, date("2024-07-10"), "PV", date("2024-07-10")),
                "2024-07-10T09:00:00Z");
        record(ledger, new MilestoneAchievementRevoked(oid(e), m1, "recette invalidée", date("2024-08-01")),
                "2024-08-01T09:00:00Z");
        record(ledger, new MilestoneAchieved(oid(e), m1, date("2024-09-05"), "PV 2", date("2024-09-05")),
                "2024-09-05T09:00:00Z");
        // planned late, effective early, due before M1: listed first
        record(ledger, new MilestonePlanned(oid(e), MilestoneId.of("M2"), "Cadrage", date("2024-02-15"),
                date("2024-01-10")), "2024-10-01T09:00:00Z");
        String s = "milestones";
        row(s, e, "2024-03-01", "2024-03-31", "/milestones/0/dueOn", "2024-03-31", "/milestones/0/overdue", false);
        row(s, e, "2024-03-01", "2024-04-01", "/milestones/0/dueOn", "2024-03-31", "/milestones/0/overdue", true);
        row(s, e, "2024-09-30", "2024-03-14", "/milestones/0/dueOn", "2024-03-31", "/milestones/0/overdue", false);
        row(s, e, "2024-09-30", "2024-04-01", "/milestones/0/dueOn", "2024-06-30", "/milestones/0/overdue", false);
        row(s, e, "2024-09-30", "2024-07-09", "/milestones/0/achievedOn", null, "/milestones/0/overdue", true);
        row(s, e, "2024-09-30", "2024-07-10", "/milestones/0/achievedOn", "2024-07-10",
                "/milestones/0/overdue", false);
        row(s, e, "2024-09-30", "2024-08-01", "/milestones/0/achievedOn", null, "/milestones/0/overdue", true);
        row(s, e, "2024-09-30", "2024-09-05", "/milestones/0/achievedOn", "2024-09-05",
                "/milestones/0/overdue", false, "/milestones/1", ABSENT);
        row(s, e, NOW, "2024-12-31", "/milestones/0/milestoneId", "M2", "/milestones/0/overdue", true,
                "/milestones/0/title", "Cadrage", "/milestones/1/milestoneId", "M1",
                "/milestones/1/achievedOn", "2024-09-05", "/milestones/1/overdue", false);
        row(s, e, NOW, "2024-01-09", "/milestones/0/milestoneId", "M1", "/milestones/1", ABSENT);
    }

    private void moves(LedgerEvents ledger) {
        String f = id("t-moved");
        define(ledger, f, "2024-01-01", "2024-01-01T10:00:00Z", "1", "1.P1");
        record(ledger, new ObjectiveMoved(oid(f), "2", "2.P1", "1", "1.P1", date("2024-06-01")),
                "2024-06-01T10:00:00Z");
        record(ledger, new ObjectiveMoved(oid(f), "1", "1.P2", "1", "1.P1", date("2024-03-01")),
                "2025-01-05T10:00:00Z");
        String s = "moved between priorities";
        row(s, f, NOW, "2024-02-01", "tree", "1.P1");
        row(s, f, NOW, "2024-04-01", "tree", "1.P2");
        row(s, f, "2024-12-31", "2024-04-01", "tree", "1.P1");
        row(s, f, NOW, "2024-07-01", "tree", "2.P1");
        row(s, f, "2023-12-31", DEFAULT, "tree", null);
        row(s, f, NOW, "2023-12-31", "tree", null);
        row(s, f, NOW, "2024-04-01", "/axis", "1", "/priority", "1.P2");
        row(s, f, "2024-12-31", "2024-07-01", "/axis", "2", "/priority", "2.P1");
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private void row(String scenario, String objective, String asOf, String validAt, Object... pairs) {
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            expected.put((String) pairs[i], pairs[i + 1]);
        }
        rows.add(new Row(scenario, objective, asOf, validAt, expected));
    }

    private static String query(Row row) {
        List<String> parameters = new ArrayList<>();
        if (!NOW.equals(row.asOf())) {
            parameters.add("asOf=" + URLEncoder.encode(row.asOf(), StandardCharsets.UTF_8));
        }
        if (!DEFAULT.equals(row.validAt())) {
            parameters.add("validAt=" + row.validAt());
        }
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }

    /** The code of the priority whose objectives include this one, or null when the tree does not show it. */
    static String priorityHolding(JsonNode tree, String objectiveId) {
        for (JsonNode axis : tree.get("axes")) {
            for (JsonNode priority : axis.get("priorities")) {
                for (JsonNode objective : priority.get("objectives")) {
                    if (objective.get("objectiveId").asText().equals(objectiveId)) {
                        return priority.get("code").asText();
                    }
                }
            }
        }
        return null;
    }

    private void define(LedgerEvents ledger, String objectiveId, String effectiveOn, String recordedAt,
                        String axis, String priority) {
        record(ledger, new ObjectiveDefined(oid(objectiveId), RoadmapId.of(roadmapId()), axis, priority,
                "Objectif " + objectiveId, null, date(effectiveOn)), recordedAt);
    }

    private static void record(LedgerEvents ledger, ObjectiveEvent event, String recordedAt) {
        ledger.record(event, Instant.parse(recordedAt));
    }

    static ObjectiveId oid(String id) {
        return ObjectiveId.of(id);
    }

    static LocalDate date(String text) {
        return LocalDate.parse(text);
    }
}
