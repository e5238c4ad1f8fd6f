package org.roadmapledger.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A signed seal with the heads its root covers.
 *
 * @param signature base64url (no padding) Ed25519 signature of the statement's canonical JSON
 * @param heads     in the tree's order
 */
public record Seal(SealStatement statement, String signature, List<SealHead> heads) {

    public MerkleTree tree() {
        List<byte[]> leaves = new ArrayList<>(heads.size());
        heads.forEach(head -> leaves.add(head.leaf()));
        return MerkleTree.of(leaves);
    }

    /** The line of an export's seals file. */
    public ObjectNode json() {
        ObjectNode node = Canonical.object();
        node.set("statement", statement.json());
        node.put("signature", signature);
        ArrayNode array = node.putArray("heads");
        heads.forEach(head -> array.add(head.json()));
        return node;
    }

    public static Seal from(JsonNode node) {
        List<SealHead> heads = new ArrayList<>();
        node.path("heads").forEach(head -> heads.add(SealHead.from(head)));
        return new Seal(SealStatement.from(node.path("statement")), node.path("signature").asText(null), heads);
    }
}
