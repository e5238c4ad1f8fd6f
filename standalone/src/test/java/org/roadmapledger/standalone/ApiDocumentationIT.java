package org.roadmapledger.standalone;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document of the standalone: valid, complete against DESIGN.md and the running application. */
class ApiDocumentationIT extends RunningStandalone {

    /** DESIGN.md's command and query API tables (the event stream included), and the import. */
    private static final List<String> DESIGN = List.of(
            "POST /api/objectives",
            "PATCH /api/objectives/{id}",
            "PUT /api/objectives/{id}/placement",
            "PUT /api/objectives/{id}/sponsor",
            "POST /api/objectives/{id}/milestones",
            "PUT /api/objectives/{id}/milestones/{mid}/due-on",
            "POST /api/objectives/{id}/milestones/{mid}/achievement",
            "POST /api/objectives/{id}/milestones/{mid}/achievement/revocation",
            "POST /api/objectives/{id}/status-reports",
            "POST /api/roadmap/import",
            "GET /api/roadmap",
            "GET /api/objectives",
            "GET /api/objectives/{id}",
            "GET /api/objectives/{id}/history",
            "GET /api/events/stream");
    private static final Set<String> CREATED = Set.of("POST /api/objectives", "POST /api/objectives/{id}/milestones",
            "POST /api/objectives/{id}/status-reports");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void the_openapi_document_is_valid() {
        // when
        SwaggerParseResult parsed = parse();

        // then
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(parsed.getOpenAPI().getInfo().getTitle()).isEqualTo("Roadmap Ledger");
    }

    @Test
    void every_path_of_the_design_and_every_api_endpoint_of_the_application_is_documented() {
        // given
        Set<String> endpoints = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(path -> path.startsWith("/api/"))
                .forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(method -> endpoints.add(method + " " + path))));

        // when
        Set<String> documented = operations(parse().getOpenAPI()).keySet();

        // then
        assertThat(documented).containsAll(DESIGN).containsAll(endpoints);
        assertThat(endpoints).containsAll(DESIGN);
    }

    @Test
    void every_command_documents_its_success_and_problem_responses() {
        // when
        Map<String, Operation> operations = operations(parse().getOpenAPI());

        // then
        for (String command : DESIGN.stream().filter(op -> !op.startsWith("GET ")).toList()) {
            Map<String, ApiResponse> responses = operations.get(command).getResponses();
            String success = CREATED.contains(command) ? "201" : "200";
            assertThat(responses).as(command).containsKeys(success, "400", "401", "403", "413", "415", "429");
            assertProblems(command, responses, "400", "401", "403", "413", "415", "429");
            assertThat(operations.get(command).getSecurity()).as(command + ": the bearer scheme").isNotEmpty();
            assertThat(operations.get(command).getExtensions()).as(command + ": its roles").containsKey("x-roles");
            if (command.contains("/api/objectives")) {
                assertThat(responses).as(command).containsKeys("409", "422");
                assertProblems(command, responses, "409", "422");
                assertThat(operations.get(command).getParameters()).as(command)
                        .extracting(p -> p.getName()).contains("Idempotency-Key", "X-Correlation-Id")
                        .as("the actor is the token's, no header names it").doesNotContain("X-Actor");
            }
            if (command.contains("{id}")) {
                assertThat(responses).as(command).containsKeys("404", "412");
                assertProblems(command, responses, "404", "412");
            }
        }
    }

    @Test
    void every_query_documents_its_problem_responses() {
        // when
        Map<String, Operation> operations = operations(parse().getOpenAPI());

        // then
        for (String query : DESIGN.stream().filter(op -> op.startsWith("GET ")).toList()) {
            Map<String, ApiResponse> responses = operations.get(query).getResponses();
            assertThat(responses).as(query).containsKeys("200", "400", "503");
            assertProblems(query, responses, "400", "503");
        }
        assertThat(operations.get("GET /api/objectives/{id}").getResponses()).containsKey("404");
        assertThat(operations.get("GET /api/objectives/{id}").getParameters())
                .extracting(p -> p.getName()).contains("asOf", "validAt", "minVersion");
    }

    @Test
    void swagger_ui_is_served() {
        // when
        Http.Response page = http().get("/swagger-ui/index.html");

        // then
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Swagger UI");
    }

    private static void assertProblems(String operation, Map<String, ApiResponse> responses, String... codes) {
        for (String code : codes) {
            assertThat(responses.get(code).getContent()).as(operation + " " + code)
                    .containsKey("application/problem+json");
            assertThat(responses.get(code).getContent().get("application/problem+json").getSchema().get$ref())
                    .isEqualTo("#/components/schemas/Problem");
        }
    }

    private SwaggerParseResult parse() {
        Http.Response document = http().get("/v3/api-docs");
        assertThat(document.status()).isEqualTo(200);
        return new OpenAPIV3Parser().readContents(document.body());
    }

    private static Map<String, Operation> operations(OpenAPI openApi) {
        Map<String, Operation> operations = new TreeMap<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> operations.put(method.name() + " " + path, operation)));
        return operations;
    }
}
