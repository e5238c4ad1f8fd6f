package org.roadmapledger.query.web;

import static org.roadmapledger.platform.web.ProblemDocumentation.problem;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The problem responses of the query API with their codes, which the OpenAPI document cannot read from the
 * controllers. Only operations of the query side are touched: in the standalone the command side documents its own.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String QUERY_PACKAGE = "org.roadmapledger.query";

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
}
