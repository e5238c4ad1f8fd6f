package org.roadmapledger.query.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The problem responses of the query API with their codes, which the OpenAPI document cannot read from the
 * controllers. Only operations of the query side are touched: in the standalone the command side documents its own.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String PROBLEM_SCHEMA = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String QUERY_PACKAGE = "org.roadmapledger.query";

    @Bean
    OpenApiCustomizer queryProblemSchema() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
        };
    }

    @Bean
    OperationCustomizer queryOperations() {
        return (operation, handler) -> {
            if (handler.getBeanType().getPackageName().startsWith(QUERY_PACKAGE)) {
                problems(handler).forEach((code, response) -> operation.getResponses().addApiResponse(code, response));
            }
            return operation;
        };
    }

    private static Map<String, ApiResponse> problems(HandlerMethod handler) {
        Map<String, ApiResponse> problems = new LinkedHashMap<>();
        problems.put("400", problem("invalid parameter (a date, a status, page or size): `errors` names it"));
        if (pathHasId(handler)) {
            problems.put("404", problem("no such objective, or not yet recorded at asOf or in effect at validAt"));
        }
        if (hasBody(handler)) {
            problems.put("413", problem("the body is over 64 KiB"));
            problems.put("415", problem("the body is not JSON in UTF-8"));
        }
        problems.put("503", problem("the views are being rebuilt, or minVersion was not reached in time")
                .addHeaderObject(HttpHeaders.RETRY_AFTER, new Header().description("seconds")
                        .schema(new IntegerSchema())));
        return problems;
    }

    private static boolean hasBody(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }

    private static boolean pathHasId(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                return true;
            }
        }
        return false;
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
    }

    /** RFC 9457 with the ledger's {@code errors}; the same shape on both sides. */
    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").example("urn:roadmap-ledger:problem:not-found"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(fieldError))
                .required(List.of("type", "title", "status"));
    }
}
