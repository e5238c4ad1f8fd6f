package org.roadmapledger.query.web;

import org.roadmapledger.query.time.InvalidViewpoint;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The one place that turns a bad query or an unavailable view into {@code application/problem+json}. Spring MVC's
 * own exceptions (405, 406, 415…) are left to the {@code ResponseEntityExceptionHandler} of the application:
 * Spring Boot's problem-details handler here, the command side's in the standalone, where this advice is asked
 * first and the command side's must keep its own reading of malformed bodies.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblemHandler {

    private static final String TYPE_PREFIX = "urn:roadmap-ledger:problem:";

    @ExceptionHandler(InvalidViewpoint.class)
    ProblemDetail invalidViewpoint(InvalidViewpoint invalid) {
        return invalid(invalid.parameter(), invalid.getMessage());
    }

    @ExceptionHandler(InvalidParameter.class)
    ProblemDetail invalidParameter(InvalidParameter invalid) {
        return invalid(invalid.parameter(), invalid.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException mismatch) {
        String expected = mismatch.getRequiredType() == null ? "another type"
                : mismatch.getRequiredType().isEnum()
                ? "one of " + java.util.Arrays.toString(mismatch.getRequiredType().getEnumConstants())
                : "a " + mismatch.getRequiredType().getSimpleName();
        return invalid(mismatch.getName(), "cannot take the value \"" + mismatch.getValue() + "\": expected "
                + expected);
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound notFound) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", notFound.getMessage());
    }

    @ExceptionHandler(Unavailable.class)
    ResponseEntity<ProblemDetail> unavailable(Unavailable unavailable) {
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Not available yet",
                unavailable.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, unavailable.retryAfter().toSeconds())))
                .body(problem);
    }

    private static ProblemDetail invalid(String parameter, String message) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                parameter + ": " + message);
        problem.setProperty("errors", List.of(Map.of("field", parameter, "message", message)));
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }
}
