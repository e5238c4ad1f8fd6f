package org.roadmapledger.query;

import org.roadmapledger.platform.security.TestIssuer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.TestInstance;
import org.roadmapledger.query.history.HistoryEntry;
import org.roadmapledger.query.objective.versions.ObjectiveVersionStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What every contract test of the query side stands on: the real application on a random port over a real
 * event store, appended to with chosen recording times, and a store for the views chosen by the subclass's
 * initializer ({@link EmbeddedStores} or {@link MongoContainerStores}). Objective ids carry the variant, so
 * that both variants may append to the same event store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.min-version-wait=3s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(DeliveryCounter.class)
public abstract class QueryContract {

    protected static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    protected int port;
    @Autowired
    protected EventStore eventStore;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    protected EventProcessingConfiguration processing;
    @Autowired
    private ObjectiveVersionStore views;

    /** {@code emb} or {@code mdb}: part of every id a test appends, and of the roadmap's id. */
    protected abstract String variant();

    public static String roadmapOf(String variant) {
        return "contract-roadmap-" + variant;
    }

    protected String roadmapId() {
        return roadmapOf(variant());
    }

    /** An objective id of this variant and test class. */
    protected String id(String local) {
        return variant() + "-" + local;
    }

    protected LedgerEvents ledger() {
        return new LedgerEvents(eventStore);
    }

    public record Response(int status, HttpResponse<String> raw, JsonNode json) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }
    }

    protected Response get(String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(TestIssuer.authorized(
                            URI.create("http://localhost:" + port + pathAndQuery))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until both projections hold the objective's events up to that sequence number. */
    protected void awaitProjected(String objectiveId, long sequence) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            return views.lastSequence(objectiveId) >= sequence
                    && mongo.exists(Query.query(where("objectiveId").is(objectiveId).and("sequence").is(sequence)),
                    HistoryEntry.class);
        });
    }

    /** Waits until every streaming processor has processed every event in the store. */
    protected void awaitAllProcessed() {
        OptionalLong head = eventStore.createHeadToken().position();
        await().atMost(Duration.ofSeconds(120)).until(() -> processors().stream().allMatch(processor -> {
            List<EventTrackerStatus> segments = List.copyOf(processor.processingStatus().values());
            return !segments.isEmpty() && segments.stream().allMatch(status -> status.isCaughtUp()
                    && status.getCurrentPosition().orElse(-1) >= head.orElse(-1));
        }));
    }

    protected List<StreamingEventProcessor> processors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }
}
