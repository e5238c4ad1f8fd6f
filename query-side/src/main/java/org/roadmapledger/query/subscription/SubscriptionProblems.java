package org.roadmapledger.query.subscription;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** The subscription API's own problems, as {@code application/problem+json} like the rest of the query API. */
@RestControllerAdvice(assignableTypes = SubscriptionController.class)
class SubscriptionProblems {

    private static final String TYPE_PREFIX = "urn:roadmap-ledger:problem:";

    @ExceptionHandler(InvalidSubscription.class)
    ProblemDetail invalid(InvalidSubscription invalid) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                invalid.getMessage());
        problem.setProperty("errors", invalid.errors());
        return problem;
    }

    @ExceptionHandler(SubscriptionConflict.class)
    ProblemDetail conflict(SubscriptionConflict conflict) {
        return problem(HttpStatus.CONFLICT, "conflict", "Conflict", conflict.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(title);
        return problem;
    }
}
