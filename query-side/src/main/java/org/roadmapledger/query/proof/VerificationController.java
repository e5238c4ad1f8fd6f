package org.roadmapledger.query.proof;

import jakarta.servlet.http.HttpServletRequest;
import org.roadmapledger.query.access.AccessLog;
import org.roadmapledger.query.web.KnownParametersOnly;
import org.roadmapledger.query.web.NotFound;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** {@code POST /api/verification} starts a whole-ledger verification; {@code GET …/{runId}} follows it. */
@RestController
@ConditionalOnProperty(name = "ledger.proof.enabled", havingValue = "true", matchIfMissing = true)
@KnownParametersOnly
class VerificationController {

    private final LedgerVerification verification;
    private final AccessLog accessLog;

    VerificationController(LedgerVerification verification, AccessLog accessLog) {
        this.verification = verification;
        this.accessLog = accessLog;
    }

    @PostMapping(path = "/api/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<VerificationRun> start(HttpServletRequest request) {
        accessLog.record("verification", "ledger", request);
        VerificationRun run = verification.start();
        return ResponseEntity.accepted().location(URI.create("/api/verification/" + run.runId())).body(run);
    }

    @GetMapping(path = "/api/verification/{runId}", produces = MediaType.APPLICATION_JSON_VALUE)
    VerificationRun run(@PathVariable("runId") String runId) {
        return verification.run(runId).orElseThrow(() -> new NotFound("no verification run " + runId));
    }
}
