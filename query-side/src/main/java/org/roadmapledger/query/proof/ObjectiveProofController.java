package org.roadmapledger.query.proof;

import jakarta.servlet.http.HttpServletRequest;
import org.roadmapledger.platform.proof.SealRows;
import org.roadmapledger.proof.MerkleTree;
import org.roadmapledger.proof.Seal;
import org.roadmapledger.proof.Sha256;
import org.roadmapledger.query.access.AccessLog;
import org.roadmapledger.query.web.KnownParametersOnly;
import org.roadmapledger.query.web.NotFound;
import org.roadmapledger.query.web.PathIds;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An objective's proof against a seal, and its chain recomputed from the event store (DESIGN, "Proof"). Both are
 * reads of proofs: recorded in the access log before they are answered.
 */
@RestController
@ConditionalOnProperty(name = "ledger.proof.enabled", havingValue = "true", matchIfMissing = true)
@KnownParametersOnly
class ObjectiveProofController {

    private final SealRows seals;
    private final ProofReads reads;
    private final SealTrees trees;
    private final AccessLog accessLog;
    private final ObjectiveChecks checks;

    ObjectiveProofController(SealRows seals, ProofReads reads, SealTrees trees, AccessLog accessLog,
                             ObjectiveChecks checks) {
        this.checks = checks;
        this.seals = seals;
        this.reads = reads;
        this.trees = trees;
        this.accessLog = accessLog;
    }

    @GetMapping(path = "/api/objectives/{id}/proof", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectiveProof proof(@PathVariable("id") String rawId, @RequestParam(required = false) String seal,
                         HttpServletRequest request) {
        String objectiveId = PathIds.objective(rawId);
        Seal statement = seal != null
                ? seals.statement(seal).orElseThrow(() -> new NotFound("no seal " + seal))
                : latestHolding(objectiveId).orElseThrow(() -> new NotFound("no seal holds objective "
                        + objectiveId + " yet"));
        String sealId = statement.statement().sealId();
        SealRows.IndexedHead head = seals.head(sealId, objectiveId)
                .orElseThrow(() -> new NotFound("seal " + sealId + " does not hold objective " + objectiveId));
        accessLog.record("proof", objectiveId, request);
        List<ObjectiveProof.Link> chain = new ArrayList<>();
        reads.aggregate(objectiveId, head.head().sequence(), stored -> chain.add(ObjectiveProof.Link.of(stored)));
        MerkleTree tree = trees.tree(sealId);
        List<byte[]> path = tree.inclusionPath(head.leafIndex());
        boolean included = MerkleTree.verifyInclusion(head.leafIndex(), tree.size(),
                MerkleTree.leafHash(head.head().leaf()), path, Sha256.unhex(statement.statement().root()));
        return new ObjectiveProof(objectiveId, SealView.of(statement, null), head.head(), head.leafIndex(),
                tree.size(), path.stream().map(Sha256::hex).toList(), included, chain);
    }

    @GetMapping(path = "/api/objectives/{id}/verification", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectiveVerification verification(@PathVariable("id") String rawId, HttpServletRequest request) {
        String objectiveId = PathIds.objective(rawId);
        accessLog.record("proof", objectiveId, request);
        return checks.verify(objectiveId).orElseThrow(() -> new NotFound("objective " + objectiveId + " has no events"));
    }

    private Optional<Seal> latestHolding(String objectiveId) {
        List<Seal> all = seals.statements();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (seals.head(all.get(i).statement().sealId(), objectiveId).isPresent()) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }
}
