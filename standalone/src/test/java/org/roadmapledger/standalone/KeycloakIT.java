package org.roadmapledger.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The split deployment's issuer: Keycloak with the realm of {@code deploy/keycloak}, its client secrets from the
 * environment as in docker-compose.yml. Its clients' tokens are accepted by the ledger with their roles and a
 * sponsor's entity. Runs where Docker does; skipped, visibly, elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class KeycloakIT {

    private static final Map<String, String> SECRETS = new LinkedHashMap<>();

    static {
        for (String client : new String[] {"programme-office", "sponsor-ans", "council", "auditor", "service",
                "operator"}) {
            SECRETS.put(client, UUID.randomUUID().toString());
        }
    }

    @Container
    static final GenericContainer<?> KEYCLOAK = withSecrets(new GenericContainer<>("quay.io/keycloak/keycloak:26.0.7")
            .withCommand("start-dev", "--import-realm")
            .withCopyFileToContainer(MountableFile.forHostPath(Path.of(System.getProperty("user.dir"))
                            .resolve("../deploy/keycloak/roadmap-ledger-realm.json").normalize()),
                    "/opt/keycloak/data/import/roadmap-ledger-realm.json")
            .withExposedPorts(8080)
            .waitingFor(Wait.forHttp("/realms/roadmap-ledger/.well-known/openid-configuration").forPort(8080)
                    .forStatusCode(200).withStartupTimeout(Duration.ofMinutes(4))));

    @TempDir
    Path dataDir;

    private static GenericContainer<?> withSecrets(GenericContainer<?> container) {
        SECRETS.forEach((client, secret) -> container.withEnv(
                "LEDGER_KC_" + client.toUpperCase().replace('-', '_') + "_SECRET", secret));
        // the pages' demo users (not logged in here: their login is the standalone's PageLoginIT's path)
        for (String user : new String[] {"COUNCIL", "AUDITOR", "PROGRAMME_OFFICE", "SPONSOR_ANS"}) {
            container.withEnv("LEDGER_KC_" + user + "_PASSWORD", UUID.randomUUID().toString());
        }
        return container;
    }

    @Test
    void the_realms_clients_act_with_their_roles_on_a_ledger_that_trusts_keycloak() throws Exception {
        String keycloak = "http://localhost:" + KEYCLOAK.getMappedPort(8080);
        String issuer = keycloak + "/realms/roadmap-ledger";
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerStandaloneApplication.class)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir.toAbsolutePath(),
                        "--LEDGER_OIDC_ISSUER=" + issuer, Standalone.UNLIMITED[0], Standalone.UNLIMITED[1])) {
            int port = ((WebServerApplicationContext) ledger).getWebServer().getPort();
            String base = "http://localhost:" + port;
            String programmeOffice = token(keycloak, "programme-office");
            String council = token(keycloak, "council");
            await().atMost(Duration.ofMinutes(2)).until(() -> send(base, "GET", "/api/objectives/1.01", council, null)
                    .statusCode() == 200);

            // when
            HttpResponse<String> defined = send(base, "POST", "/api/objectives", programmeOffice,
                    "{\"objectiveId\":\"9.81\",\"axis\":\"1\",\"priority\":\"1.P1\",\"title\":\"Keycloak\"}");
            HttpResponse<String> refused = send(base, "POST", "/api/objectives", council,
                    "{\"objectiveId\":\"9.82\",\"axis\":\"1\",\"priority\":\"1.P1\",\"title\":\"Keycloak\"}");
            String sponsor = token(keycloak, "sponsor-ans");

            // then
            assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
            assertThat(refused.statusCode()).isEqualTo(403);
            String claims = new String(Base64.getUrlDecoder().decode(sponsor.split("\\.")[1]), StandardCharsets.UTF_8);
            assertThat(new ObjectMapper().readTree(claims).path("sponsor_entity").asText()).isEqualTo("ANS");
            assertThat(new ObjectMapper().readTree(claims).path("roles").toString()).contains("sponsor");
        }
    }

    private static String token(String keycloak, String client) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + SECRETS.get(client))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/roadmap-ledger/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).get("access_token").asText();
    }

    private static HttpResponse<String> send(String base, String method, String path, String token, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
