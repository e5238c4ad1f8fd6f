package org.roadmapledger.query.proof;

import com.fasterxml.jackson.databind.JsonNode;
import org.roadmapledger.proof.SealHead;
import org.roadmapledger.proof.StoredEvent;

import java.util.List;

/**
 * An objective's proof against a seal: its chain up to the sealed head (each link with the exact object its hash
 * is taken over) and the RFC 9162 inclusion path from that head's leaf to the seal's root.
 *
 * @param leafIndex the head's leaf in the seal's tree
 * @param path      sibling hashes from the leaf up, hexadecimal
 * @param included  whether the path leads to the signed root (recomputed here; an auditor recomputes it too)
 */
record ObjectiveProof(String objectiveId, SealView seal, SealHead head, int leafIndex, int treeSize,
                      List<String> path, boolean included, List<Link> chain) {

    /** @param hashed the object whose RFC 8785 canonical JSON has the SHA-256 {@code hash} */
    record Link(long sequence, String eventId, String prevHash, String hash, String chainedBy, JsonNode hashed) {

        static Link of(StoredEvent stored) {
            return new Link(stored.event().sequence(), stored.event().eventId(), stored.event().prevHash(),
                    stored.hash(), stored.origin().name(), stored.event().hashed());
        }
    }
}
