package org.roadmapledger.query.reconciliation;

import org.roadmapledger.query.web.NotFound;
import org.roadmapledger.query.web.KnownParametersOnly;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * {@code /api/admin/reconciliation}: POST compares every objective's views with the event store now and repairs
 * them (200 with the report; 409 while another run or a replay holds the views, 503 while the processors catch
 * up); GET shows the last report.
 */
@RestController
@KnownParametersOnly
@RequestMapping(path = "/api/admin/reconciliation", produces = MediaType.APPLICATION_JSON_VALUE)
class ReconciliationController {

    private final Reconciliation reconciliation;

    ReconciliationController(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @PostMapping
    ResponseEntity<?> run() {
        Reconciliation.Report report = reconciliation.run("on demand");
        if (report.state() == Reconciliation.State.COMPLETED) {
            return ResponseEntity.ok(report);
        }
        return switch (report.skipped()) {
            case BUSY -> refused(HttpStatus.CONFLICT, "a reconciliation is already running");
            case REPLAYING -> refused(HttpStatus.CONFLICT, "the views are being rebuilt by a replay");
            case CATCHING_UP -> refused(HttpStatus.SERVICE_UNAVAILABLE,
                    "the processors have not caught up with the event store yet");
        };
    }

    @GetMapping
    Reconciliation.Report last() {
        return reconciliation.lastReport().orElseThrow(() -> new NotFound("no reconciliation has run yet"));
    }

    private static ResponseEntity<ProblemDetail> refused(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:roadmap-ledger:problem:reconciliation-refused"));
        problem.setTitle("Reconciliation not run");
        return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
