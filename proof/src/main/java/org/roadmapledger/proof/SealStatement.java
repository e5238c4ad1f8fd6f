package org.roadmapledger.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a seal signs: which seal, what it is called, when it was taken, where the ledger stood and the Merkle root
 * of every aggregate's head at that point.
 *
 * @param number     1 for the ledger's first seal, then one more for each
 * @param position   the highest global index among the sealed heads (informative: the heads define the cut)
 * @param treeSize   how many aggregates the root covers
 * @param events     how many events the sealed heads stand for (the sum of their sequences, plus one each)
 * @param root       the Merkle root, hexadecimal
 * @param keyId      the signing key's RFC 7638 thumbprint
 * @param previousSealId the seal before it, null for the first
 */
public record SealStatement(String sealId, long number, String label, String sealedAt, long position, long treeSize,
                            long events, String root, String keyId, String previousSealId) {

    public static final String ALGORITHM = "Ed25519";

    public ObjectNode json() {
        ObjectNode node = Canonical.object();
        node.put("sealId", sealId);
        node.put("number", number);
        node.put("label", label);
        node.put("sealedAt", sealedAt);
        node.put("position", position);
        node.put("treeSize", treeSize);
        node.put("events", events);
        node.put("root", root);
        node.put("algorithm", ALGORITHM);
        node.put("keyId", keyId);
        node.put("previousSealId", previousSealId);
        return node;
    }

    /** The bytes the signature is over. */
    public byte[] signedBytes() {
        return Canonical.bytes(json());
    }

    public static SealStatement from(JsonNode node) {
        return new SealStatement(Canonical.text(node, "sealId"), node.path("number").asLong(),
                Canonical.text(node, "label"), Canonical.text(node, "sealedAt"), node.path("position").asLong(),
                node.path("treeSize").asLong(), node.path("events").asLong(), Canonical.text(node, "root"),
                Canonical.text(node, "keyId"), Canonical.text(node, "previousSealId"));
    }

}
