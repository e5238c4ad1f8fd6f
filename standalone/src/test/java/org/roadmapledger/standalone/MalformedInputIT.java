package org.roadmapledger.standalone;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand requests, each wrong in one way ({@link MalformedRequests}, seeded), over every endpoint: each is
 * refused with a 4xx {@code application/problem+json} that the OpenAPI document allows, none answers 5xx, and
 * nothing is recorded. {@code -Dmalformed.requests=} changes the number.
 */
class MalformedInputIT extends RunningStandalone {

    private static final int REQUESTS = Integer.getInteger("malformed.requests", 10_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void malformed_requests_are_each_refused_with_a_documented_problem_and_record_nothing() throws Exception {
        // given
        long eventsBefore = events();
        long subscriptionsBefore = http().getJson("/api/subscriptions").get("totalItems").asLong();
        OpenApiInteractionValidator openApi = OpenApiInteractionValidator
                .createForInlineApiSpecification(http().get("/v3/api-docs").body()).build();
        MalformedRequests generator = new MalformedRequests(20261206L);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();

        // when
        for (int i = 0; i < REQUESTS; i++) {
            MalformedRequests.Request request = generator.next();
            HttpResponse<String> response = send(request);
            statuses.merge(response.statusCode(), 1, Integer::sum);

            // then
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() < 400 || response.statusCode() >= 500
                    || !contentType.startsWith("application/problem+json")
                    || problemStatus(response.body()) != response.statusCode()) {
                wrong.add(request.mutation() + " -> " + response.statusCode() + " " + contentType + " "
                        + abbreviated(response.body()));
            }
            ValidationReport report = openApi.validateResponse(URI.create(baseOf(request.path())).getRawPath(),
                    Request.Method.valueOf(request.method()), SimpleResponse.Builder.status(response.statusCode())
                            .withContentType(contentType).withBody(response.body()).build());
            if (report.hasErrors()) {
                undocumented.add(request.mutation() + " -> " + response.statusCode() + ": "
                        + report.getMessages().get(0).getMessage());
            }
        }

        // then
        assertThat(wrong).as("answers that are not a 4xx problem").isEmpty();
        assertThat(undocumented).as("answers the OpenAPI document does not allow").isEmpty();
        assertThat(events()).as("events recorded").isEqualTo(eventsBefore);
        assertThat(http().getJson("/api/subscriptions").get("totalItems").asLong()).isEqualTo(subscriptionsBefore);
        System.out.printf("MalformedInputIT: %d malformed requests, 0 answered 5xx, all application/problem+json "
                + "and as documented, nothing recorded; by status %s%n", REQUESTS, statuses);
    }

    private HttpResponse<String> send(MalformedRequests.Request request) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + request.path()))
                .timeout(Duration.ofSeconds(10)).method(request.method(), body)
                .header("Authorization", http().bearer(request.method(), request.path()));
        request.headers().forEach(builder::header);
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int problemStatus(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem == null ? -1 : problem.path("status").asInt(-1);
        } catch (IOException notJson) {
            return -1;
        }
    }

    private static String baseOf(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
