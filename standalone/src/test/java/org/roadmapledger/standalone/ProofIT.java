package org.roadmapledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapledger.platform.proof.EventRows;
import org.roadmapledger.proof.Canonical;
import org.roadmapledger.proof.ChainedEvent;
import org.roadmapledger.proof.SealKey;
import org.roadmapledger.proof.SealStatement;
import org.roadmapledger.proof.StoredEvent;
import org.roadmapledger.verifier.Verifier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auditor's path on a real standalone: seal, prove, verify, export and verify offline; then each tampering a
 * superuser could do behind the triggers' back, found by the endpoint and by the offline verifier alike, naming the
 * event or seal where it shows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProofIT {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path work;

    private static ConfigurableApplicationContext ledger;
    private static Http http;
    private static JdbcTemplate jdbc;
    private static String firstSeal;
    private static String secondSeal;

    @BeforeAll
    static void start() {
        ledger = Standalone.start(dataDir);
        http = Standalone.http(ledger);
        jdbc = ledger.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> http.get("/api/roadmap").status() == 200);
        for (int n = 1; n <= 8; n++) {
            assertThat(http.post("/api/objectives", "{\"objectiveId\":\"9.1" + n
                    + "\",\"axis\":\"1\",\"priority\":\"1.P1\",\"title\":\"Écriture " + n + "\"}").status())
                    .isEqualTo(201);
        }
        for (int n = 1; n <= 5; n++) {
            String id = "9.0" + n;
            assertThat(http.post("/api/objectives", "{\"objectiveId\":\"" + id
                    + "\",\"axis\":\"1\",\"priority\":\"1.P1\",\"title\":\"Preuve " + n
                    + "\",\"effectiveOn\":\"2024-01-15\"}").status())
                    .isEqualTo(201);
            for (int step = 1; step <= 4; step++) {
                assertThat(http.post("/api/objectives/" + id + "/status-reports", "{\"status\":\"ON_TRACK\","
                        + "\"progressPercent\":" + step * 10 + ",\"comment\":\"step-" + step + "\"}").status())
                        .isEqualTo(201);
            }
        }
    }

    @AfterAll
    static void stop() {
        ledger.close();
    }

    @Test
    @Order(1)
    void a_seal_is_listed_and_what_changed_since_the_last_one_is_told_retroactive_corrections_marked() {
        firstSeal = seal("Conseil du numérique en santé, 2025-06-24");
        String past = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(30).toString();
        assertThat(http.post("/api/objectives/9.01/status-reports",
                "{\"status\":\"AT_RISK\",\"comment\":\"after the first council\"}").status()).isEqualTo(201);
        assertThat(http.post("/api/objectives/9.02/status-reports", "{\"status\":\"ON_TRACK\",\"comment\":"
                + "\"correction\",\"effectiveOn\":\"" + past + "\"}").status()).isEqualTo(201);
        assertThat(http.post("/api/objectives/9.03/milestones", "{\"milestoneId\":\"M1\",\"title\":\"Pilote\","
                + "\"dueOn\":\"2027-06-30\",\"effectiveOn\":\"" + past + "\"}").status()).isEqualTo(201);
        secondSeal = seal("Conseil du numérique en santé, 2025-12-09");

        JsonNode changes = http.getJson("/api/seals/" + secondSeal + "/changes?since=" + firstSeal);

        List<String> listed = new ArrayList<>();
        changes.path("items").forEach(item -> item.path("changes").forEach(change -> listed.add(
                item.path("aggregateId").asText() + " #" + change.path("sequence").asInt() + " "
                        + change.path("type").asText() + (change.path("retroactive").asBoolean() ? " retroactive" : ""))));
        assertThat(listed).containsExactly("9.01 #5 StatusReported", "9.02 #5 StatusReported retroactive",
                "9.03 #5 MilestonePlanned retroactive");
        assertThat(changes.path("retroactive").asInt()).isEqualTo(2);
        assertThat(http.getJson("/api/seals/" + secondSeal + "/changes").path("since").asText())
                .as("since the seal before, by default").isEqualTo(firstSeal);
        JsonNode list = http.getJson("/api/seals");
        assertThat(list.path("items").findValuesAsText("sealId")).containsExactly(secondSeal, firstSeal);
        JsonNode one = http.getJson("/api/seals/" + secondSeal);
        assertThat(one.path("previousSealId").asText()).isEqualTo(firstSeal);
        assertThat(one.path("roadmap").path("axes")).hasSize(4);
        for (String objective : List.of("1.01", "9.01", "9.05")) {
            JsonNode proof = http.getJson("/api/objectives/" + objective + "/proof?seal=" + secondSeal);
            assertThat(proof.path("included").asBoolean()).as(objective).isTrue();
            assertThat(proof.path("chain").size()).isEqualTo(proof.path("head").path("sequence").asInt() + 1);
            JsonNode verification = http.getJson("/api/objectives/" + objective + "/verification");
            assertThat(verification.path("valid").asBoolean()).isTrue();
            assertThat(verification.path("sealedIn")).hasSize(2);
        }
        assertThat(http.getJson("/api/access-log").path("items").findValuesAsText("kind")).contains("proof");
    }

    @Test
    @Order(2)
    void the_whole_ledger_and_its_export_verify_with_the_published_key_also_by_the_verifier_jar() throws Exception {
        JsonNode run = verifyByEndpoint();
        assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("VERIFIED");
        assertThat(run.path("percent").asInt()).isEqualTo(100);
        assertThat(run.path("verdict").path("seals").asInt()).isEqualTo(2);

        Offline offline = verifyOffline(export(secondSeal));
        assertThat(offline.code()).as(offline.out()).isEqualTo(Verifier.VERIFIED);
        assertThat(offline.out()).contains("VERIFIED:", "2 seals");

        Path jar = Path.of(System.getProperty("user.dir")).resolve("../verifier/target/verifier.jar").normalize();
        assertThat(jar).as("built by the verifier module before these tests").exists();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), offline.archive().toString(), "--key", offline.keys().toString())
                .redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(printed).isZero();
        assertThat(printed).contains("VERIFIED:");
    }

    @Test
    @Order(3)
    void seals_taken_while_eight_writers_run_extend_each_other_and_prove_every_objective() throws Exception {
        List<String> taken = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        for (int w = 1; w <= 8; w++) {
            String objective = "9.1" + w;
            writers.submit(() -> {
                while (writing.get()) {
                    if (http.post("/api/objectives/" + objective + "/status-reports",
                            "{\"status\":\"ON_TRACK\"}").status() == 201) {
                        written.incrementAndGet();
                    }
                }
                return null;
            });
        }
        for (int n = 1; n <= 3; n++) {
            int target = written.get() + 40;
            await().atMost(Duration.ofSeconds(60)).until(() -> written.get() >= target);
            taken.add(seal("Pendant l'écriture " + n));
        }
        writing.set(false);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        JsonNode run = verifyByEndpoint();
        assertThat(run.path("state").asText()).as(run.path("summary").asText()).isEqualTo("VERIFIED");
        for (String sealId : taken) {
            JsonNode seal = http.getJson("/api/seals/" + sealId);
            assertThat(seal.path("treeSize").asInt()).as("78 objectives, the roadmap, the seals").isEqualTo(80);
            for (int w = 1; w <= 8; w++) {
                JsonNode proof = http.getJson("/api/objectives/9.1" + w + "/proof?seal=" + sealId);
                assertThat(proof.path("included").asBoolean()).as("9.1%d in %s", w, sealId).isTrue();
            }
        }
        for (JsonNode objective : http.getJson("/api/objectives?size=500").path("items")) {
            String id = objective.path("objectiveId").asText();
            JsonNode proof = http.getJson("/api/objectives/" + id + "/proof?seal=" + taken.get(2));
            assertThat(proof.path("included").asBoolean()).as(id).isTrue();
        }
    }

    @Test
    @Order(4)
    void each_tampered_event_is_named_by_the_endpoint_and_by_the_offline_verifier() throws Exception {
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        superuser(() -> {
            expected.put(eventId("9.01", 2), "HASH_MISMATCH");
            jdbc.update("UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                    + "'step-2', 'step-3'), 'UTF8') WHERE aggregate_identifier = '9.01' AND sequence_number = 2");
            expected.put(eventId("9.02", 2), "HASH_MISMATCH");
            jdbc.update("UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, "
                    + "'UTF8'), '\"actor\":\"', '\"actor\":\"x'), 'UTF8') "
                    + "WHERE aggregate_identifier = '9.02' AND sequence_number = 2");
            expected.put(eventId("9.03", 3), "EVENT_MISSING");
            jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = '9.03' AND sequence_number = 2");
            expected.put(eventId("9.04", 2), "HASH_MISMATCH");
            swap("9.04", 1, 2);
            expected.put(eventId("9.05", 3), "HASH_MISMATCH");
            insertForged("9.05", 3);
        });

        JsonNode run = verifyByEndpoint();
        Offline offline = verifyOffline(export(secondSeal));

        assertThat(run.path("state").asText()).isEqualTo("FAILED");
        assertThat(offline.code()).isEqualTo(Verifier.FAILED);
        JsonNode findings = run.path("verdict").path("findings");
        expected.forEach((eventId, kind) -> {
            assertThat(findings.findParents("eventId")).as(eventId)
                    .anySatisfy(f -> {
                        assertThat(f.path("eventId").asText()).isEqualTo(eventId);
                        assertThat(f.path("kind").asText()).isEqualTo(kind);
                    });
            assertThat(offline.out()).contains(kind + ": event " + eventId);
        });
    }

    @Test
    @Order(5)
    void an_altered_seal_signature_and_a_seal_signed_by_an_unknown_key_are_named() throws Exception {
        superuser(() -> {
            rewriteSeal(firstSeal, payload -> {
                char[] signature = payload.path("signature").asText().toCharArray();
                signature[5] = signature[5] == 'A' ? 'B' : 'A';
                payload.put("signature", new String(signature));
            });
            SealKey intruder = SealKey.generate();
            rewriteSeal(secondSeal, payload -> {
                payload.put("keyId", intruder.keyId());
                payload.put("signature", intruder.sign(SealStatement.from(payload).signedBytes()));
            });
        });

        JsonNode findings = verifyByEndpoint().path("verdict").path("findings");
        Offline offline = verifyOffline(export(secondSeal));

        assertThat(findings.findParents("sealId")).extracting(f -> f.path("kind").asText() + " " + f.path("sealId")
                .asText()).contains("SEAL_SIGNATURE_INVALID " + firstSeal, "SEAL_KEY_UNKNOWN " + secondSeal);
        assertThat(offline.out()).contains("SEAL_SIGNATURE_INVALID: seal " + firstSeal,
                "SEAL_KEY_UNKNOWN: seal " + secondSeal);
    }

    @Test
    @Order(6)
    void a_truncated_export_is_found_truncated() throws Exception {
        byte[] whole = export(secondSeal);

        Offline offline = verifyOffline(Arrays.copyOf(whole, whole.length * 2 / 3));

        assertThat(offline.code()).isEqualTo(Verifier.FAILED);
        assertThat(offline.out()).contains("EXPORT_TRUNCATED");
    }

    private static String seal(String label) {
        Http.Response response = http.post("/api/seals", "{\"label\":\"" + label + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("sealId").asText();
    }

    private static JsonNode verifyByEndpoint() {
        Http.Response started = http.post("/api/verification", "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().path("runId").asText();
        return await().atMost(Duration.ofSeconds(60)).until(() -> http.getJson("/api/verification/" + runId),
                run -> !run.path("state").asText().equals("RUNNING"));
    }

    private static byte[] export(String sealId) {
        return http.getBytes("/api/exports/" + sealId);
    }

    record Offline(int code, String out, Path archive, Path keys) {
    }

    private static Offline verifyOffline(byte[] export) throws Exception {
        Path archive = Files.write(Files.createTempFile(work, "export", ".zip"), export);
        Path keys = Files.writeString(Files.createTempFile(work, "keys", ".json"),
                http.getJson("/api/ledger/keys").toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Verifier.run(new String[]{archive.toString(), "--key", keys.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Offline(code, out.toString(StandardCharsets.UTF_8), archive, keys);
    }

    /** As a superuser can: the triggers disabled, the change made, the triggers back. */
    private static void superuser(Runnable tampering) {
        jdbc.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER USER");
        try {
            tampering.run();
        } finally {
            jdbc.execute("ALTER TABLE domain_event_entry ENABLE TRIGGER USER");
        }
    }

    private static String eventId(String aggregate, long sequence) {
        return jdbc.queryForObject("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", String.class, aggregate, sequence);
    }

    private static void swap(String aggregate, long first, long second) {
        String sql = "UPDATE domain_event_entry SET sequence_number = ? WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?";
        jdbc.update(sql, -1, aggregate, first);
        jdbc.update(sql, first, aggregate, second);
        jdbc.update(sql, second, aggregate, -1);
    }

    /** A forged event at {@code at}, hashed and linked correctly; the later events moved one place on. */
    private static void insertForged(String aggregate, long at) {
        List<StoredEvent> events = new ArrayList<>();
        jdbc.query(EventRows.SELECT + " WHERE e.aggregate_identifier = ? ORDER BY e.sequence_number DESC",
                row -> {
                    events.add(EventRows.map(row));
                }, aggregate);
        for (StoredEvent later : events) {
            if (later.event().sequence() >= at) {
                jdbc.update("UPDATE domain_event_entry SET sequence_number = sequence_number + 1 "
                        + "WHERE event_identifier = ?", later.event().eventId());
            }
        }
        StoredEvent before = events.stream().filter(e -> e.event().sequence() == at - 1).findFirst().orElseThrow();
        ChainedEvent model = before.event();
        ChainedEvent forged = new ChainedEvent(model.aggregateType(), aggregate, at, "forged-" + aggregate,
                model.type(), model.revision(), model.recordedAt(), model.effectiveOn(), model.actor(),
                model.correlationId(), model.payload(), before.hash());
        String meta = Canonical.object().put("actor", model.actor()).put("correlationId", model.correlationId())
                .put("prevHash", before.hash()).put("hash", forged.hash()).toString();
        jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, "
                        + "time_stamp, payload_type, payload_revision, payload, meta_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                forged.eventId(), aggregate, at, model.aggregateType(), model.recordedAt(), model.type(),
                model.revision(), Canonical.bytes(model.payload()), meta.getBytes(StandardCharsets.UTF_8));
    }

    private static void rewriteSeal(String sealId, java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change) {
        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = "
                + "'ledger-seals' AND convert_from(payload, 'UTF8') LIKE ?", byte[].class,
                "%\"sealId\":\"" + sealId + "\"%");
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) Canonical.parse(payload);
        change.accept(node);
        jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = 'ledger-seals' "
                + "AND convert_from(payload, 'UTF8') LIKE ?", node.toString().getBytes(StandardCharsets.UTF_8),
                "%\"sealId\":\"" + sealId + "\"%");
    }
}
