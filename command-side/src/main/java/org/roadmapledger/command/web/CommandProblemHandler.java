package org.roadmapledger.command.web;

import org.roadmapledger.platform.web.StrictJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.roadmapledger.command.idempotency.IdempotencyKeyReused;
import org.roadmapledger.command.rules.Rule;
import org.roadmapledger.command.rules.RightMissing;
import org.roadmapledger.command.rules.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The one place that turns a refused command or a bad request into an {@code application/problem+json}. */
@RestControllerAdvice
class CommandProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandProblemHandler.class);

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail ruleViolation(RuleViolation violation) {
        HttpStatus status = statusOf(violation.rule());
        String type = violation.rule().name().toLowerCase(Locale.ROOT).replace('_', '-');
        ProblemDetail problem = Problems.of(status, type, titleOf(violation.rule()), violation.getMessage());
        if (violation.field() != null) {
            problem.setProperty("errors", List.of(new Problems.FieldError(violation.field(), violation.getMessage())));
        }
        return problem;
    }

    @ExceptionHandler(RightMissing.class)
    ProblemDetail rightMissing(RightMissing missing) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", missing.getMessage());
    }

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalidRequest(InvalidRequest invalid) {
        return Problems.invalid(invalid.field() + ": " + invalid.getMessage(),
                List.of(new Problems.FieldError(invalid.field(), invalid.getMessage())));
    }

    @ExceptionHandler(JSR303ViolationException.class)
    ProblemDetail constraintViolations(JSR303ViolationException exception) {
        return violations(exception.getViolations());
    }

    /** A request body validated outside a command, e.g. a roadmap file before it is imported. */
    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolations(ConstraintViolationException exception) {
        return violations(exception.getConstraintViolations());
    }

    private static ProblemDetail violations(Collection<? extends ConstraintViolation<?>> violations) {
        List<Problems.FieldError> errors = violations.stream()
                .map(v -> new Problems.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return Problems.invalid(errors.stream().map(e -> e.field() + " " + e.message())
                .collect(Collectors.joining("; ")), errors);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException exception) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "no objective " + exception.getAggregateIdentifier() + " in the ledger");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail duplicate(AggregateStreamCreationException exception) {
        // two definitions of one id at once: both passed the aggregate's check, the event table's key refused one
        return ruleViolation(RuleViolation.duplicateObjective());
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException exception) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-change", "Concurrent change",
                "another command changed the objective at the same moment: retry");
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail keyReused(IdempotencyKeyReused exception) {
        return Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency key reused",
                exception.getMessage());
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandExecution(CommandExecutionException exception, WebRequest request)
            throws Exception {
        if (exception.getCause() instanceof Exception cause && cause != exception) {
            return handleUnwrapped(cause, request);
        }
        throw exception;
    }

    private ResponseEntity<Object> handleUnwrapped(Exception cause, WebRequest request) throws Exception {
        if (cause instanceof RuleViolation v) {
            return problemEntity(ruleViolation(v));
        }
        if (cause instanceof RightMissing m) {
            return problemEntity(rightMissing(m));
        }
        if (cause instanceof AggregateNotFoundException e) {
            return problemEntity(notFound(e));
        }
        if (cause instanceof AggregateStreamCreationException e) {
            return problemEntity(duplicate(e));
        }
        if (cause instanceof ConcurrencyException e) {
            return problemEntity(concurrentChange(e));
        }
        if (cause instanceof IdempotencyKeyReused e) {
            return problemEntity(keyReused(e));
        }
        if (cause instanceof JSR303ViolationException e) {
            return problemEntity(constraintViolations(e));
        }
        throw cause;
    }

    private static ResponseEntity<Object> problemEntity(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        BodySizeLimitFilter.PayloadTooLarge tooLarge = cause(exception, BodySizeLimitFilter.PayloadTooLarge.class);
        if (tooLarge != null) {
            return problemEntity(tooLarge.problem());
        }
        Throwable cause = exception.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return problemEntity(fieldProblem(unknown, "is not a known property"));
        }
        if (cause instanceof InvalidFormatException invalid) {
            return problemEntity(fieldProblem(invalid, "cannot take the value " + quoted(invalid.getValue())
                    + expected(invalid.getTargetType())));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            Throwable root = mapping.getCause() instanceof IllegalArgumentException arg ? arg : null;
            String message = root != null ? root.getMessage() : "has the wrong type or shape";
            return problemEntity(fieldProblem(mapping, message));
        }
        if (causedBy(exception, StreamConstraintsException.class)) {
            return problemEntity(Problems.invalid("the request body nests deeper than "
                    + WebConfiguration.MAX_NESTING_DEPTH + " levels", List.of()));
        }
        String detail = cause instanceof JsonProcessingException json
                ? "the request body is not well-formed JSON: " + json.getOriginalMessage()
                : "the request body is missing or unreadable";
        return problemEntity(Problems.invalid(detail, List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception exception, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()) {
            log.error("Request failed", exception);
        }
        return super.handleExceptionInternal(exception, body, headers, statusCode, request);
    }

    private static ProblemDetail fieldProblem(JsonMappingException exception, String message) {
        String field = exception.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return Problems.invalid(field + " " + message, List.of(new Problems.FieldError(field, message)));
    }

    private static String quoted(Object value) {
        return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "";
        }
        if (type == java.time.LocalDate.class) {
            return ": expected a date YYYY-MM-DD from " + StrictJson.FIRST_YEAR + "-01-01 to " + StrictJson.LAST_YEAR
                    + "-12-31";
        }
        if (type.isEnum()) {
            return ": expected one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return ": expected " + type.getSimpleName();
    }

    private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
        return cause(exception, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static HttpStatus statusOf(Rule rule) {
        return switch (rule) {
            case EFFECTIVE_DATE_IN_FUTURE, INVALID_STRUCTURE, UNKNOWN_ROADMAP -> HttpStatus.BAD_REQUEST;
            case UNKNOWN_MILESTONE -> HttpStatus.NOT_FOUND;
            case STALE_VERSION -> HttpStatus.PRECONDITION_FAILED;
            case EFFECTIVE_DATE_OUT_OF_ORDER, DUPLICATE_OBJECTIVE, DUPLICATE_MILESTONE, UNKNOWN_PRIORITY,
                 NOTHING_CHANGES, MILESTONE_ACHIEVED, MILESTONE_NOT_ACHIEVED, PRIORITY_HOLDS_OBJECTIVES ->
                    HttpStatus.CONFLICT;
        };
    }

    private static String titleOf(Rule rule) {
        String words = rule.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
