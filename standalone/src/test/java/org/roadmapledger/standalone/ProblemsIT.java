package org.roadmapledger.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both sides' problem handlers in one application: each side's own reading of a bad request survives, and what
 * neither side's controllers see (an unsupported method) is a problem too.
 */
class ProblemsIT extends RunningStandalone {

    @Test
    void a_query_parameter_of_the_wrong_type_is_named_in_errors() {
        // when
        Http.Response response = http().get("/api/objectives?page=abc");

        // then
        assertProblem(response, 400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("page");
    }

    @Test
    void an_unknown_property_in_a_command_is_named_in_errors() {
        // when
        Http.Response response = http().post("/api/objectives",
                "{\"objectiveId\":\"x.1\",\"axis\":\"1\",\"priority\":\"1.P1\",\"title\":\"T\",\"bogus\":1}");

        // then
        assertProblem(response, 400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("bogus");
    }

    @Test
    void an_unknown_objective_is_a_query_side_404() {
        // when
        Http.Response response = http().get("/api/objectives/no-such-objective");

        // then
        assertProblem(response, 404);
        assertThat(response.json().get("type").asText()).isEqualTo("urn:roadmap-ledger:problem:not-found");
    }

    @Test
    void an_unsupported_method_is_a_problem_too() {
        // when
        Http.Response response = http().post("/api/roadmap", "{}");

        // then
        assertProblem(response, 405);
    }

    private static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
    }
}
