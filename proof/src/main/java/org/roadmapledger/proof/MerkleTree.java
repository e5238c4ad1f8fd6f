package org.roadmapledger.proof;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Merkle tree hashed as RFC 9162 (Certificate Transparency v2) section 2.1 hashes it: leaves prefixed with 0x00,
 * nodes with 0x01, the left subtree the largest power of two smaller than the tree. Every subtree root computed for
 * the tree's root is kept, so an inclusion path afterwards costs no hashing (a seal's tree answers many proofs).
 */
public final class MerkleTree {

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private final List<byte[]> leafHashes;
    private final Map<Long, byte[]> subtrees = new HashMap<>();
    private final byte[] root;

    private MerkleTree(List<byte[]> leafHashes) {
        this.leafHashes = leafHashes;
        this.root = leafHashes.isEmpty() ? Sha256.of(new byte[0]) : subtree(0, leafHashes.size());
    }

    /** @param leaves each leaf's data, in the tree's order */
    public static MerkleTree of(List<byte[]> leaves) {
        List<byte[]> hashes = new ArrayList<>(leaves.size());
        for (byte[] leaf : leaves) {
            hashes.add(leafHash(leaf));
        }
        return new MerkleTree(hashes);
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest digest = Sha256.digest();
        digest.update(LEAF);
        return digest.digest(leaf);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest digest = Sha256.digest();
        digest.update(NODE);
        digest.update(left);
        return digest.digest(right);
    }

    public byte[] root() {
        return root.clone();
    }

    public int size() {
        return leafHashes.size();
    }

    public byte[] leafHashAt(int index) {
        return leafHashes.get(index).clone();
    }

    /** RFC 9162 2.1.3.1, PATH(m, D[n]): the sibling subtree roots from leaf {@code m} up to the root. */
    public List<byte[]> inclusionPath(int m) {
        if (m < 0 || m >= leafHashes.size()) {
            throw new IllegalArgumentException("no leaf " + m + " in a tree of " + leafHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        collectPath(m, 0, leafHashes.size(), path);
        return path;
    }

    private void collectPath(int m, int start, int n, List<byte[]> path) {
        if (n == 1) {
            return;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            collectPath(m, start, k, path);
            path.add(subtree(start + k, n - k));
        } else {
            collectPath(m - k, start + k, n - k, path);
            path.add(subtree(start, k));
        }
    }

    private byte[] subtree(int start, int n) {
        if (n == 1) {
            return leafHashes.get(start);
        }
        long key = ((long) start << 32) | n;
        byte[] known = subtrees.get(key);
        if (known != null) {
            return known;
        }
        int k = largestPowerOfTwoBelow(n);
        byte[] hash = nodeHash(subtree(start, k), subtree(start + k, n - k));
        subtrees.put(key, hash);
        return hash;
    }

    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** RFC 9162 2.1.3.2: whether {@code path} leads from leaf {@code index}'s hash to {@code root} in a tree of {@code size}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }
}
