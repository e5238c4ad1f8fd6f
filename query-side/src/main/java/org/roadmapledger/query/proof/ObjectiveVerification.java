package org.roadmapledger.query.proof;

import org.roadmapledger.proof.ChainCheck;
import org.roadmapledger.proof.Finding;
import org.roadmapledger.proof.StoredEvent;

import java.util.List;

/**
 * An objective's chain recomputed from the event store.
 *
 * @param firstBroken the first event whose hash or link breaks, null when the chain is valid
 * @param sealedIn    the seals that hold the objective
 */
public record ObjectiveVerification(String objectiveId, boolean valid, long events, long chainedAtStartUp, String headHash,
                             Finding firstBroken, List<String> sealedIn) {

    static ObjectiveVerification of(String objectiveId, ChainCheck check, List<Finding> findings, StoredEvent last,
                                    List<String> sealedIn) {
        return new ObjectiveVerification(objectiveId, findings.isEmpty(), check.events(), check.chainedAtStartUp(),
                last.hash(), findings.isEmpty() ? null : findings.get(0), sealedIn);
    }
}
