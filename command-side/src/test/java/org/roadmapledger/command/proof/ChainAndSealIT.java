package org.roadmapledger.command.proof;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.roadmapledger.command.LedgerTestDatabase;
import org.roadmapledger.platform.proof.EventRows;
import org.roadmapledger.platform.proof.ProofProperties;
import org.roadmapledger.platform.proof.PublicKeys;
import org.roadmapledger.platform.proof.SealRows;
import org.roadmapledger.platform.security.Role;
import org.roadmapledger.platform.security.TestIssuer;
import org.roadmapledger.proof.Canonical;
import org.roadmapledger.proof.ChainCheck;
import org.roadmapledger.proof.Finding;
import org.roadmapledger.proof.PublicSealKey;
import org.roadmapledger.proof.Seal;
import org.roadmapledger.proof.SealStatement;
import org.roadmapledger.proof.Sha256;
import org.roadmapledger.proof.StoredEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every event chained as it is appended, earlier ones chained once, seals signed over every head. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.proof.generate-key=true")
class ChainAndSealIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestDatabase.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SealRows sealRows;
    @Autowired
    ProofProperties proof;
    @Autowired
    ChainStart chainStart;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void every_event_the_import_appended_carries_its_hash_and_its_predecessors() {
        List<StoredEvent> events = events();

        assertThat(events).hasSizeGreaterThan(65).allSatisfy(event -> {
            assertThat(event.origin()).isEqualTo(StoredEvent.Origin.APPENDED);
            assertThat(event.hash()).hasSize(64).isEqualTo(event.event().hash());
        });
        assertThat(findings(events)).isEmpty();
        assertThat(events).filteredOn(event -> event.event().sequence() == 0)
                .allSatisfy(event -> assertThat(event.event().prevHash()).isEqualTo(Sha256.NO_PREVIOUS));
    }

    @Test
    void a_seal_signs_the_merkle_root_of_every_aggregates_head_and_the_next_one_follows_it() throws Exception {
        JsonNode first = seal("Conseil du numérique en santé, 2025-06-24", Role.PROGRAMME_OFFICE, 201);
        JsonNode second = seal("Conseil du numérique en santé, 2025-12-09", Role.PROGRAMME_OFFICE, 201);

        Map<String, PublicSealKey> keys = PublicKeys.in(proof.keyDir());
        assertThat(keys).containsKey(first.path("keyId").asText());
        for (JsonNode answer : List.of(first, second)) {
            Seal seal = sealRows.withHeads(sealRows.statement(answer.path("sealId").asText()).orElseThrow());
            SealStatement statement = seal.statement();
            assertThat(keys.get(statement.keyId()).verifies(statement.signedBytes(), seal.signature())).isTrue();
            assertThat(Sha256.hex(seal.tree().root())).isEqualTo(statement.root())
                    .isEqualTo(answer.path("root").asText());
            assertThat(seal.heads()).hasSize((int) statement.treeSize());
        }
        assertThat(second.path("number").asLong()).isEqualTo(first.path("number").asLong() + 1);
        assertThat(second.path("previousSealId").asText()).isEqualTo(first.path("sealId").asText());
        assertThat(sealRows.heads(second.path("sealId").asText())).anySatisfy(head -> {
            assertThat(head.aggregateId()).isEqualTo("ledger-seals");
            assertThat(head.sequence()).isEqualTo(first.path("number").asLong() - 1);
        });
        assertThat(findings(events())).isEmpty();
    }

    @Test
    void only_the_programme_office_seals_and_a_seal_needs_a_label() throws Exception {
        int before = sealRows.statements().size();

        seal("Conseil", Role.AUDITOR, 403);
        seal("Conseil", Role.SPONSOR, 403);
        seal(" ", Role.PROGRAMME_OFFICE, 400);

        assertThat(sealRows.statements()).hasSize(before);
    }

    @Test
    void events_recorded_before_chaining_are_chained_once_in_a_record_of_their_own() {
        for (int sequence = 0; sequence < 3; sequence++) {
            jdbc.update("INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                    + "type, time_stamp, payload_type, payload, meta_data) VALUES (?, 'legacy-objective', ?, "
                    + "'Objective', '2024-01-0" + (sequence + 1) + "T09:00:00.000Z', 'LegacyEvent', ?, ?)",
                    "legacy-" + sequence, sequence, ("{\"step\":" + sequence + "}").getBytes(),
                    "{\"actor\":\"programme-office\",\"correlationId\":\"before-chaining\"}".getBytes());
        }

        chainStart.chainEarlierEvents();
        chainStart.chainEarlierEvents();

        List<StoredEvent> legacy = events().stream()
                .filter(event -> event.event().aggregateId().equals("legacy-objective")).toList();
        assertThat(legacy).hasSize(3).allSatisfy(event ->
                assertThat(event.origin()).isEqualTo(StoredEvent.Origin.CHAINED_AT_START_UP));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_chain_backfill "
                + "WHERE aggregate_identifier = 'legacy-objective'", Integer.class)).isEqualTo(3);
        assertThat(findings(legacy)).isEmpty();
        assertThat(jdbc.queryForList("SELECT meta_data FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'legacy-objective'", byte[].class))
                .allSatisfy(meta -> assertThat(Canonical.parse(meta).has("hash")).isFalse());
    }

    @Test
    void the_proofs_tables_refuse_updates_and_deletes_like_the_event_table() throws Exception {
        String sealId = seal("Conseil", Role.PROGRAMME_OFFICE, 201).path("sealId").asText();
        // a row of its own, so that the row triggers have one to refuse (of no event: global index -1)
        jdbc.update("INSERT INTO event_chain_backfill VALUES (-1, 'refusal-test', 0, repeat('0', 64), repeat('0', 64)) "
                + "ON CONFLICT DO NOTHING");

        for (String change : List.of("UPDATE seal_head SET hash = repeat('0', 64) WHERE seal_id = '" + sealId + "'",
                "DELETE FROM seal_head WHERE seal_id = '" + sealId + "'", "TRUNCATE seal_head",
                "UPDATE event_chain_start SET events_chained = 0", "DELETE FROM event_chain_start",
                "DELETE FROM event_chain_backfill", "TRUNCATE event_chain_backfill")) {
            assertThatThrownBy(() -> jdbc.execute(change)).as(change).rootCause().hasMessageContaining("append-only");
        }
        assertThat(sealRows.heads(sealId)).isNotEmpty();
    }

    private JsonNode seal(String label, Role role, int expectedStatus) throws IOException, InterruptedException {
        String body = Canonical.object().put("label", label).toString();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/seals"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestIssuer.shared().token("tester", null, role))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return Canonical.parse(response.body());
    }

    private List<StoredEvent> events() {
        List<StoredEvent> events = new ArrayList<>();
        jdbc.query(EventRows.SELECT + " ORDER BY e.aggregate_identifier, e.sequence_number",
                row -> {
                    events.add(EventRows.map(row));
                });
        return events;
    }

    private static List<Finding> findings(List<StoredEvent> events) {
        ChainCheck check = new ChainCheck(new HashMap<>());
        List<Finding> findings = new ArrayList<>();
        events.forEach(event -> check.accept(event).ifPresent(findings::add));
        return findings;
    }
}
