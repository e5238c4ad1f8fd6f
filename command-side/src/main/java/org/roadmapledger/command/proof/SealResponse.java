package org.roadmapledger.command.proof;

import org.roadmapledger.proof.Seal;
import org.roadmapledger.proof.SealStatement;

/** A seal as {@code POST /api/seals} answers it: the signed statement and its signature. */
record SealResponse(String sealId, long number, String label, String sealedAt, long position, long treeSize,
                    long events, String root, String algorithm, String keyId, String previousSealId,
                    String signature) {

    static SealResponse of(Seal seal) {
        SealStatement s = seal.statement();
        return new SealResponse(s.sealId(), s.number(), s.label(), s.sealedAt(), s.position(), s.treeSize(),
                s.events(), s.root(), SealStatement.ALGORITHM, s.keyId(), s.previousSealId(), seal.signature());
    }
}
