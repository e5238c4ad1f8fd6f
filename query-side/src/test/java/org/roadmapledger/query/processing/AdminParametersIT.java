package org.roadmapledger.query.processing;

import org.junit.jupiter.api.Test;
import org.roadmapledger.query.OpsTestSupport;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The operators' endpoints, like the read endpoints, refuse a parameter they do not take, before doing anything. */
class AdminParametersIT extends OpsTestSupport {

    @Test
    void an_admin_endpoint_refuses_a_parameter_it_does_not_take_and_does_nothing() {
        // when
        List<HttpResponse<String>> refused = List.of(get("/api/admin/processors?verbose=true"),
                get("/api/admin/dead-letters?group=x"), post("/api/admin/dead-letters/retry?objective=1.01"),
                post("/api/admin/reconciliation?force=true"), get("/api/admin/replay?x=1"),
                post("/api/admin/replay?dryRun=true"));

        // then
        for (HttpResponse<String> response : refused) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(body(response).path("detail").asText()).contains("is not a parameter of this endpoint");
        }
        assertThat(body(get("/api/admin/replay")).path("state").asText()).isNotEqualTo("RUNNING");
    }
}
