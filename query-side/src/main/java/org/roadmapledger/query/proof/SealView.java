package org.roadmapledger.query.proof;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.roadmapledger.proof.Seal;
import org.roadmapledger.proof.SealStatement;
import org.roadmapledger.query.roadmap.RoadmapTree;

/**
 * A seal as the API shows it: the signed statement, its signature and, for one seal, the roadmap as it stood then.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SealView(String sealId, long number, String label, String sealedAt, long position, long treeSize, long events,
                String root, String algorithm, String keyId, String previousSealId, String signature,
                RoadmapTree roadmap) {

    static SealView of(Seal seal, RoadmapTree roadmap) {
        SealStatement s = seal.statement();
        return new SealView(s.sealId(), s.number(), s.label(), s.sealedAt(), s.position(), s.treeSize(), s.events(),
                s.root(), SealStatement.ALGORITHM, s.keyId(), s.previousSealId(), seal.signature(), roadmap);
    }
}
