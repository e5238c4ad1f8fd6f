package org.roadmapledger.query.deadletter;

import org.roadmapledger.query.web.KnownParametersOnly;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code /api/admin/dead-letters}: what the projections parked, and a retry once the cause is fixed. */
@RestController
@KnownParametersOnly
@RequestMapping(path = "/api/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<DeadLetters.Group> list() {
        return deadLetters.list();
    }

    @PostMapping("/retry")
    List<DeadLetters.Retried> retry() {
        return deadLetters.retryAll();
    }
}
