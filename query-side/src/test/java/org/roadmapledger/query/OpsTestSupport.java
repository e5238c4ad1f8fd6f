package org.roadmapledger.query;

import org.roadmapledger.platform.security.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The one Spring context the operations tests share (dead letters, reconciliation, replay): the real query side
 * on the embedded PostgreSQL and an in-memory MongoDB-wire server, with {@link FaultInjection}, a gap timeout of
 * 2 s and gap cleaning as soon as two gaps are held (so a held transaction's gap is given up within seconds, as it
 * would be after a minute in production), replays in chunks of 100 events (so that a test's few hundred make several),
 * and no scheduled reconciliation (the tests run it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ledger.processing.gap-timeout=2s",
        "ledger.processing.gap-cleaning-threshold=1",
        "ledger.processing.replay-chunk=100",
        "ledger.reconciliation-interval=0"})
@Import(FaultInjection.class)
public abstract class OpsTestSupport {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        QueryTestInfrastructure.register(registry);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected FaultInjection faults;

    protected final HttpClient http = HttpClient.newHttpClient();
    protected final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void clearFaults() {
        faults.open();
    }

    protected HttpResponse<String> get(String path) {
        return send(TestIssuer.authorized(uri(path)).GET().build());
    }

    protected HttpResponse<String> post(String path) {
        return send(TestIssuer.authorized(uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    protected JsonNode body(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + response.body(), e);
        }
    }

    /** The status code of a read of one objective's view; 200 once the views show it. */
    protected int objectiveStatus(String objectiveId, long minVersion) {
        return get("/api/objectives/" + objectiveId + "?minVersion=" + minVersion).statusCode();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
