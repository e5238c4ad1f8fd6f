package org.roadmapledger.query.replay;

import org.roadmapledger.query.web.KnownParametersOnly;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * {@code /api/admin/replay}: POST rebuilds every read model from the event store (202, then follow it with GET;
 * 409 while one runs); GET tells events applied, total, rate, ETA and state.
 */
@RestController
@KnownParametersOnly
@RequestMapping(path = "/api/admin/replay", produces = MediaType.APPLICATION_JSON_VALUE)
class ReplayController {

    private final Replay replay;

    ReplayController(Replay replay) {
        this.replay = replay;
    }

    @PostMapping
    ResponseEntity<ReplayProgress> start() {
        return ResponseEntity.accepted().body(replay.start());
    }

    @GetMapping
    ReplayProgress progress() {
        return replay.progress();
    }

    @ExceptionHandler(ReplayRefused.class)
    ResponseEntity<ProblemDetail> refused(ReplayRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
        problem.setType(URI.create("urn:roadmap-ledger:problem:replay-refused"));
        problem.setTitle("Replay not started");
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
