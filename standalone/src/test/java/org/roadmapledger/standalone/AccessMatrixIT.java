package org.roadmapledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapledger.platform.security.Role;
import org.roadmapledger.platform.store.EventStoreSchema;
import org.roadmapledger.platform.security.TestIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of the OpenAPI document (and the operators' actuator endpoints, and HEAD beside each GET) against
 * every kind of bad token and every role, on a standalone that trusts the test's issuer: a bad token is 401, a role the DESIGN table does not
 * name is 403, and neither records anything; the events recorded carry the token's actor, never one the client
 * chose; the issuer's keys are fetched once, not per request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPERATOR_ENDPOINTS = List.of("/actuator/metrics", "/actuator/prometheus");

    @TempDir
    static Path dataDir;

    private final TestIssuer issuer = TestIssuer.shared();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ConfigurableApplicationContext ledger;
    private int port;
    private long imported;

    @BeforeAll
    void start() {
        ledger = new SpringApplicationBuilder(LedgerStandaloneApplication.class).run("--server.port=0",
                "--ledger.data-dir=" + dataDir.toAbsolutePath(), "--LEDGER_OIDC_ISSUER=" + issuer.issuer(),
                Standalone.UNLIMITED[0], Standalone.UNLIMITED[1]);
        port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
        await().atMost(Duration.ofMinutes(2)).until(() -> send("GET", "/actuator/health/readiness", null)
                .statusCode() == 200);
        imported = head();
    }

    @AfterAll
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void every_bad_token_on_every_endpoint_is_401_with_a_bearer_challenge_and_records_nothing() throws Exception {
        // given
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("missing", null);
        badTokens.put("malformed", "not-a-jwt");
        badTokens.put("expired", issuer.signed(c -> c.subject("late").claim("roles", List.of("operator"))
                .expirationTime(Date.from(Instant.now().minusSeconds(120)))));
        badTokens.put("not yet valid", issuer.signed(c -> c.subject("early").claim("roles", List.of("operator"))
                .notBeforeTime(Date.from(Instant.now().plusSeconds(600)))));
        badTokens.put("wrong issuer", issuer.signed(c -> c.subject("x").claim("roles", List.of("operator"))
                .issuer("https://issuer.example.org")));
        badTokens.put("wrong audience", issuer.signed(c -> c.subject("x").claim("roles", List.of("operator"))
                .audience("another-service")));
        badTokens.put("no expiry", issuer.signed(c -> c.subject("x").claim("roles", List.of("operator"))
                .expirationTime(null)));
        badTokens.put("no subject", issuer.signed(c -> c.subject(null).claim("roles", List.of("operator"))));
        badTokens.put("alg none", issuer.unsigned());
        badTokens.put("HS256 with the public key", issuer.hmacWithThePublicKey());
        badTokens.put("wrong signature", issuer.signedByAStranger());
        badTokens.put("unknown key id", issuer.unknownKeyId());
        long head = head();
        List<String> wrong = new ArrayList<>();

        // when
        for (Operation operation : operations()) {
            if (AccessMatrix.allowed(operation.method(), operation.template()) == AccessMatrix.PUBLIC) {
                continue;
            }
            for (Map.Entry<String, String> bad : badTokens.entrySet()) {
                HttpResponse<InputStream> response = send(operation.method(), operation.path(), bad.getValue());
                String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
                if (response.statusCode() != 401 || !challenge.startsWith("Bearer")) {
                    wrong.add(operation + " with a token " + bad.getKey() + ": " + response.statusCode() + " "
                            + challenge);
                }
            }
        }

        // then
        assertThat(wrong).isEmpty();
        assertThat(head()).as("events recorded").isEqualTo(head);
    }

    @Test
    void each_role_reaches_what_the_design_table_gives_it_and_gets_403_elsewhere() throws Exception {
        // given
        List<String> wrong = new ArrayList<>();
        List<Operation> operations = new ArrayList<>(operations());
        OPERATOR_ENDPOINTS.forEach(path -> operations.add(new Operation("GET", path, path)));
        // HEAD is served by the GET handlers: it needs the same rights
        // (the stream is left out: its HEAD answers no headers until the stream ends)
        operations.addAll(operations.stream().filter(o -> o.method().equals("GET") && !o.path().startsWith("/api/events"))
                .map(o -> new Operation("HEAD", o.template(), o.path())).toList());

        // when
        for (Role role : Role.values()) {
            String token = role == Role.SPONSOR ? issuer.sponsorOf("ANS") : issuer.token(role);
            for (Operation operation : operations) {
                Set<Role> allowed = AccessMatrix.allowed(operation.method().equals("HEAD") ? "GET"
                        : operation.method(), operation.template());
                long head = head();
                HttpResponse<InputStream> response = send(operation.method(), operation.path(), token);
                int status = response.statusCode();
                boolean granted = allowed == AccessMatrix.PUBLIC || allowed.contains(role);
                if (granted ? status == 401 || status == 403 : status != 403) {
                    wrong.add(role.claimValue() + " " + operation + ": " + status + (granted ? " (allowed)" : ""));
                }
                if (!granted && head() != head) {
                    wrong.add(role.claimValue() + " " + operation + " was refused but recorded an event");
                }
                if (status == 403 && !response.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json")) {
                    wrong.add(role.claimValue() + " " + operation + ": 403 without a problem document");
                }
            }
        }

        // then
        assertThat(wrong).isEmpty();
        assertThat(issuer.keySetReads()).as("key set fetched once, again only for an unknown key id").isLessThan(4);
    }

    @Test
    void a_sponsor_changes_only_what_its_entity_sponsors_now_even_right_after_a_reassignment() throws Exception {
        // given
        String programmeOffice = issuer.token(Role.PROGRAMME_OFFICE);
        String ans = issuer.sponsorOf("ANS");
        String dns = issuer.sponsorOf("DNS");
        assertThat(send("POST", "/api/objectives", programmeOffice,
                "{\"objectiveId\":\"9.71\",\"axis\":\"1\",\"priority\":\"1.P1\",\"title\":\"Sponsor scope\"}")
                .statusCode()).isEqualTo(201);
        assertThat(send("PUT", "/api/objectives/9.71/sponsor", programmeOffice,
                "{\"sponsor\":\"ANS\",\"reason\":\"r\"}").statusCode()).isEqualTo(200);

        // when / then
        assertThat(report(ans)).isEqualTo(201);
        assertThat(report(dns)).isEqualTo(403);
        assertThat(send("PATCH", "/api/objectives/9.71", ans, "{\"description\":\"par le sponsor\"}").statusCode())
                .isEqualTo(200);
        assertThat(send("PATCH", "/api/objectives/9.71", ans, "{\"title\":\"par le sponsor\"}").statusCode())
                .as("a sponsor does not retitle").isEqualTo(403);
        assertThat(send("PUT", "/api/objectives/9.71/sponsor", ans, "{\"sponsor\":\"DNS\",\"reason\":\"r\"}")
                .statusCode()).as("a sponsor does not reassign").isEqualTo(403);
        assertThat(send("PUT", "/api/objectives/9.71/sponsor", programmeOffice,
                "{\"sponsor\":\"DNS\",\"reason\":\"r\"}").statusCode()).isEqualTo(200);
        assertThat(report(ans)).as("right after the reassignment").isEqualTo(403);
        assertThat(report(dns)).isEqualTo(201);
    }

    @Test
    void events_recorded_through_the_api_carry_the_tokens_actor_and_never_a_header_s() throws Exception {
        // given
        String token = issuer.token("alice", null, Role.PROGRAMME_OFFICE);

        // when
        HttpResponse<InputStream> response = send("POST", "/api/objectives", token, Map.of("X-Actor",
                "system:import"), "{\"objectiveId\":\"9.72\",\"axis\":\"1\",\"priority\":\"1.P1\",\"title\":\"Actor\"}");

        // then: this event, and every one recorded through the API since the start-up import, by any test here
        assertThat(response.statusCode()).isEqualTo(201);
        List<Map<String, Object>> recorded = metaDataAfter(imported);
        assertThat(recorded).isNotEmpty();
        for (Map<String, Object> metaData : recorded) {
            assertThat(metaData.get("actorIssuer")).as(metaData.toString()).isEqualTo(issuer.issuer());
            assertThat(metaData.get("actorSubject")).as(metaData.toString()).isNotNull();
            assertThat(metaData.get("actor")).asString().doesNotContain("system:import");
        }
        assertThat(recorded).anySatisfy(metaData -> assertThat(metaData.get("actorSubject")).isEqualTo("alice"));
    }

    private int report(String token) throws Exception {
        return send("POST", "/api/objectives/9.71/status-reports", token, "{\"status\":\"ON_TRACK\"}").statusCode();
    }

    /** The operations of the OpenAPI document, their path parameters filled. */
    private List<Operation> operations() throws Exception {
        JsonNode paths = JSON.readTree(send("GET", "/v3/api-docs", null).body()).get("paths");
        List<Operation> operations = new ArrayList<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String template = it.next();
            String path = template.replace("{mid}", "M1").replace("{sealId}", "no-such-seal")
                    .replace("{runId}", "no-such-run").replace("{id}",
                    template.startsWith("/api/subscriptions") ? "00000000-0000-0000-0000-000000000000" : "1.01");
            for (Iterator<String> methods = paths.get(template).fieldNames(); methods.hasNext(); ) {
                operations.add(new Operation(methods.next().toUpperCase(), template, path));
            }
        }
        assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(25);
        return operations;
    }

    private HttpResponse<InputStream> send(String method, String path, String token) throws Exception {
        return send(method, path, token, Map.of(), method.equals("GET") || method.equals("DELETE") ? null : "{}");
    }

    private HttpResponse<InputStream> send(String method, String path, String token, String body) throws Exception {
        return send(method, path, token, Map.of(), body);
    }

    private HttpResponse<InputStream> send(String method, String path, String token, Map<String, String> headers,
                                           String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        // the stream answers with its headers and goes on: the status is all these tests read of it
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (path.startsWith("/api/events/stream")) {
            response.body().close();
        }
        return response;
    }

    private long head() {
        return ledger.getBean(EventStore.class).createHeadToken().position().orElse(-1);
    }

    private List<Map<String, Object>> metaDataAfter(long head) throws IOException {
        JdbcTemplate jdbc = new JdbcTemplate(ledger.getBean(DataSource.class));
        List<Map<String, Object>> metaData = new ArrayList<>();
        for (String json : jdbc.queryForList("SELECT convert_from(meta_data, 'UTF8') FROM "
                + EventStoreSchema.ledgerSchema().domainEventTable() + " WHERE global_index > ?", String.class, head)) {
            metaData.add(JSON.readValue(json, new TypeReference<Map<String, Object>>() { }));
        }
        return metaData;
    }

    private record Operation(String method, String template, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
