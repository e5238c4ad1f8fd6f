package org.roadmapledger.query.proof;

import org.roadmapledger.platform.proof.SealRows;
import org.roadmapledger.proof.ChainCheck;
import org.roadmapledger.proof.Finding;
import org.roadmapledger.proof.Seal;
import org.roadmapledger.proof.StoredEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes an objective's chain from the event store and finds the seals that hold it: for the API's
 * verification and for the auditors' view of an objective's page. Whoever calls records the read in the access log.
 */
@Component
@ConditionalOnProperty(name = "ledger.proof.enabled", havingValue = "true", matchIfMissing = true)
public class ObjectiveChecks {

    private final SealRows seals;
    private final ProofReads reads;

    ObjectiveChecks(SealRows seals, ProofReads reads) {
        this.seals = seals;
        this.reads = reads;
    }

    /** The objective's chain checked, or empty when it has no events. */
    public Optional<ObjectiveVerification> verify(String objectiveId) {
        ChainCheck check = new ChainCheck(new HashMap<>());
        List<Finding> findings = new ArrayList<>();
        List<StoredEvent> last = new ArrayList<>(1);
        reads.aggregate(objectiveId, Long.MAX_VALUE, stored -> {
            check.accept(stored).ifPresent(findings::add);
            last.clear();
            last.add(stored);
        });
        if (last.isEmpty()) {
            return Optional.empty();
        }
        List<String> sealedIn = new ArrayList<>();
        for (Seal seal : seals.statements()) {
            seals.head(seal.statement().sealId(), objectiveId).ifPresent(head ->
                    sealedIn.add(seal.statement().sealId()));
        }
        return Optional.of(ObjectiveVerification.of(objectiveId, check, findings, last.get(0), sealedIn));
    }
}
