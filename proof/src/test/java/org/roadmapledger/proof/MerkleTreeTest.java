package org.roadmapledger.proof;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 9162 hashing, checked on Certificate Transparency's vectors (transparency-dev/merkle's testdata). */
class MerkleTreeTest {

    private static final JsonNode VECTORS = vectors();

    @Test
    void roots_of_the_first_zero_to_eight_leaves_are_the_vectors_roots() {
        for (int size = 0; size <= 8; size++) {
            MerkleTree tree = MerkleTree.of(leaves().subList(0, size));

            assertThat(Sha256.hex(tree.root())).as("root of %d leaves", size)
                    .isEqualTo(VECTORS.path("roots").path(String.valueOf(size)).asText());
        }
    }

    @Test
    void inclusion_paths_are_the_vectors_paths_and_verify() {
        for (JsonNode vector : VECTORS.path("inclusion")) {
            int index = vector.path("index").asInt();
            int size = vector.path("size").asInt();
            MerkleTree tree = MerkleTree.of(leaves().subList(0, size));
            List<String> expected = new ArrayList<>();
            vector.path("path").forEach(hash -> expected.add(hash.asText()));

            List<byte[]> path = tree.inclusionPath(index);

            assertThat(path.stream().map(Sha256::hex).toList()).as("path of %d in %d", index, size)
                    .isEqualTo(expected);
            assertThat(MerkleTree.verifyInclusion(index, size, tree.leafHashAt(index), path, tree.root())).isTrue();
        }
    }

    @Test
    void every_leaf_of_trees_up_to_70_proves_its_inclusion_and_another_leaf_or_a_changed_path_does_not() {
        Random random = new Random(9162);
        for (int size = 1; size <= 70; size++) {
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                byte[] leaf = new byte[1 + random.nextInt(40)];
                random.nextBytes(leaf);
                leaves.add(leaf);
            }
            MerkleTree tree = MerkleTree.of(leaves);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = tree.inclusionPath(index);
                byte[] leafHash = MerkleTree.leafHash(leaves.get(index));

                assertThat(MerkleTree.verifyInclusion(index, size, leafHash, path, tree.root())).isTrue();
                byte[] otherLeaf = MerkleTree.leafHash(new byte[]{(byte) index, 1, 2});
                assertThat(MerkleTree.verifyInclusion(index, size, otherLeaf, path, tree.root())).isFalse();
                if (!path.isEmpty()) {
                    List<byte[]> changed = new ArrayList<>(path);
                    byte[] sibling = changed.get(0).clone();
                    sibling[0] ^= 1;
                    changed.set(0, sibling);
                    assertThat(MerkleTree.verifyInclusion(index, size, leafHash, changed, tree.root())).isFalse();
                }
            }
        }
    }

    private static List<byte[]> leaves() {
        List<byte[]> leaves = new ArrayList<>();
        VECTORS.path("leaves").forEach(leaf -> leaves.add(Sha256.unhex(leaf.asText())));
        return leaves;
    }

    private static JsonNode vectors() {
        try (InputStream in = MerkleTreeTest.class.getResourceAsStream("/rfc9162/vectors.json")) {
            return Canonical.JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
