package org.roadmapledger.command.web;

import static org.roadmapledger.platform.web.ProblemDocumentation.problem;

import org.roadmapledger.platform.web.CorrelationIdFilter;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the OpenAPI document cannot read from the controllers: the headers every command takes (resolved into a
 * {@link CommandContext}, which is no request parameter), the 201 of the creating commands, and the problem
 * responses of DESIGN.md with their codes. Only operations of the command side are touched: in the standalone the
 * query side documents its own.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    private static final String COMMAND_PACKAGE = "org.roadmapledger.command";
    /** Handlers that answer 201 Created (DESIGN.md, "Command API"); the others answer 200. */
    private static final Set<String> CREATING = Set.of("define", "planMilestone", "reportStatus");

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CommandContext.class);
    }

    @Bean
    OperationCustomizer commandOperations() {
        return (operation, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith(COMMAND_PACKAGE)) {
                return operation;
            }
            if (takesCommandContext(handler)) {
                commandHeaders(handler).forEach(operation::addParametersItem);
            }
            if (CREATING.contains(handler.getMethod().getName())) {
                created(operation);
            }
            problems(handler).forEach((code, description) ->
                    operation.getResponses().addApiResponse(code, problem(description)));
            return operation;
        };
    }

    private static boolean takesCommandContext(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (CommandContext.class.equals(parameter.getParameterType())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> problems(HandlerMethod handler) {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "malformed or invalid request: `errors` names each field at fault");
        boolean objectiveCommand = isObjectiveCommand(handler);
        if (objectiveCommand && !isDefinition(handler)) {
            problems.put("404", "unknown objective or milestone");
        }
        if (objectiveCommand) {
            problems.put("409", "a business rule refuses the command (duplicate id, already achieved, effective "
                    + "date out of order…)");
        }
        if (objectiveCommand && !isDefinition(handler)) {
            problems.put("412", "stale If-Match: the objective has moved on");
        }
        problems.put("413", "request body over " + BodySizeLimitFilter.LIMIT / 1024 + " KiB (a roadmap file: "
                + BodySizeLimitFilter.IMPORT_LIMIT / 1024 + " KiB)");
        problems.put("415", "the body is not application/json");
        if (objectiveCommand) {
            problems.put("422", "Idempotency-Key reused with another body");
        }
        return problems;
    }

    private static void created(Operation operation) {
        ApiResponses responses = operation.getResponses();
        ApiResponse ok = responses.remove("200");
        if (ok != null) {
            responses.addApiResponse("201", ok.description("Created"));
        }
    }

    private static List<Parameter> commandHeaders(HandlerMethod handler) {
        List<Parameter> headers = new ArrayList<>();
        headers.add(header(CorrelationIdFilter.HEADER,
                "correlation id, generated when absent; returned, logged and stored in the events' metadata"));
        if (isObjectiveCommand(handler)) {
            if (!isDefinition(handler)) {
                headers.add(header("If-Match",
                        "`\"<version>\"`: apply only if the objective is still at that version, else 412"));
            }
            headers.add(header(CommandContextResolver.IDEMPOTENCY_KEY_HEADER,
                    "a retry with the same key and body returns the first response and records nothing"));
        }
        return headers;
    }

    private static boolean isObjectiveCommand(HandlerMethod handler) {
        return handler.getBeanType().getSimpleName().startsWith("Objective");
    }

    private static boolean isDefinition(HandlerMethod handler) {
        return "define".equals(handler.getMethod().getName());
    }

    private static Parameter header(String name, String description) {
        return new HeaderParameter().name(name).description(description).required(false).schema(new StringSchema());
    }
}
