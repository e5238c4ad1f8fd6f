package org.roadmapledger.query.proof;

import org.roadmapledger.platform.proof.SealRows;
import org.roadmapledger.proof.MerkleTree;
import org.roadmapledger.proof.Seal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seals' Merkle trees, built once each: a seal never changes, and a proof then costs a path walk, not the hashing
 * of every head.
 */
class SealTrees {

    private static final int KEPT = 16;

    private final SealRows seals;
    private final Map<String, MerkleTree> trees = Collections.synchronizedMap(
            new LinkedHashMap<>(KEPT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, MerkleTree> eldest) {
                    return size() > KEPT;
                }
            });

    SealTrees(SealRows seals) {
        this.seals = seals;
    }

    MerkleTree tree(String sealId) {
        MerkleTree tree = trees.get(sealId);
        if (tree == null) {
            tree = new Seal(null, null, seals.heads(sealId)).tree();
            trees.put(sealId, tree);
        }
        return tree;
    }
}
