package org.roadmapledger.query.proof;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.roadmapledger.proof.Verdict;

import java.time.Instant;

/**
 * A whole-ledger verification as {@code GET /api/verification/{runId}} shows it, while it runs and after.
 *
 * @param percent       of the ledger's events verified so far
 * @param eventsPerSecond since it started
 * @param verdict       once finished
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record VerificationRun(String runId, State state, long events, long totalEvents, int percent, long eventsPerSecond,
                       Instant startedAt, Instant finishedAt, String summary, Verdict verdict, String error) {

    enum State { RUNNING, VERIFIED, FAILED, ERROR }
}
