package org.roadmapledger.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks seals against trusted keys and against the chains: each signature, each root recomputed from its heads,
 * each head on its aggregate's chain, and each seal extending the one before it.
 */
public final class SealCheck {

    private final List<Seal> seals;
    private final Map<String, PublicSealKey> trusted;

    /** @param seals in the order they were taken */
    public SealCheck(List<Seal> seals, Map<String, PublicSealKey> trusted) {
        this.seals = seals;
        this.trusted = trusted;
    }

    /** The chain positions whose hashes the seals need, for {@link ChainCheck}. */
    public Map<String, String> wanted() {
        Map<String, String> wanted = new HashMap<>();
        seals.forEach(seal -> seal.heads().forEach(head ->
                wanted.put(ChainCheck.key(head.aggregateId(), head.sequence()), null)));
        return wanted;
    }

    /** @param chainHashes what {@link ChainCheck} found at the positions {@link #wanted()} named */
    public List<Finding> check(Map<String, String> chainHashes) {
        List<Finding> findings = new ArrayList<>();
        Seal previous = null;
        for (Seal seal : seals) {
            checkSignature(seal).ifPresent(findings::add);
            checkRoot(seal, chainHashes).ifPresent(findings::add);
            if (previous != null) {
                checkExtends(previous, seal).ifPresent(findings::add);
            }
            previous = seal;
        }
        return findings;
    }

    private java.util.Optional<Finding> checkSignature(Seal seal) {
        SealStatement statement = seal.statement();
        PublicSealKey key = trusted.get(statement.keyId());
        if (key == null) {
            return java.util.Optional.of(Finding.ofSeal(Finding.Kind.SEAL_KEY_UNKNOWN, statement.sealId(),
                    "it is signed by key " + statement.keyId() + ", which is not a trusted key"));
        }
        if (seal.signature() == null || !key.verifies(statement.signedBytes(), seal.signature())) {
            return java.util.Optional.of(Finding.ofSeal(Finding.Kind.SEAL_SIGNATURE_INVALID, statement.sealId(),
                    "its signature does not verify with key " + statement.keyId()));
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<Finding> checkRoot(Seal seal, Map<String, String> chainHashes) {
        String sealId = seal.statement().sealId();
        List<SealHead> heads = seal.heads();
        for (int i = 1; i < heads.size(); i++) {
            if (SealHead.TREE_ORDER.compare(heads.get(i - 1), heads.get(i)) >= 0) {
                return java.util.Optional.of(Finding.ofSeal(Finding.Kind.SEAL_ROOT_MISMATCH, sealId,
                        "its heads are not in the tree's order at " + heads.get(i).aggregateId()));
            }
        }
        MerkleTree tree = seal.tree();
        if (tree.size() != seal.statement().treeSize()
                || !Arrays.equals(tree.root(), Sha256.unhex(seal.statement().root()))) {
            return java.util.Optional.of(Finding.ofSeal(Finding.Kind.SEAL_ROOT_MISMATCH, sealId,
                    "the root of its " + tree.size() + " heads is " + Sha256.hex(tree.root()) + ", not the signed "
                            + seal.statement().root()));
        }
        for (SealHead head : heads) {
            String onChain = chainHashes.get(ChainCheck.key(head.aggregateId(), head.sequence()));
            if (!head.hash().equals(onChain)) {
                return java.util.Optional.of(Finding.ofSeal(Finding.Kind.SEAL_ROOT_MISMATCH, sealId,
                        "its head " + head.aggregateId() + " #" + head.sequence() + " is "
                                + (onChain == null ? "not in the ledger" : "not the event on the chain there")));
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<Finding> checkExtends(Seal earlier, Seal later) {
        String sealId = later.statement().sealId();
        if (!earlier.statement().sealId().equals(later.statement().previousSealId())) {
            return java.util.Optional.of(Finding.ofSeal(Finding.Kind.SEAL_NOT_EXTENDED, sealId,
                    "it names " + later.statement().previousSealId() + " as the seal before it, not "
                            + earlier.statement().sealId()));
        }
        Map<String, Long> laterHeads = new HashMap<>();
        later.heads().forEach(head -> laterHeads.put(head.aggregateId(), head.sequence()));
        for (SealHead head : earlier.heads()) {
            Long sequence = laterHeads.get(head.aggregateId());
            if (sequence == null || sequence < head.sequence()) {
                return java.util.Optional.of(Finding.ofSeal(Finding.Kind.SEAL_NOT_EXTENDED, sealId,
                        "it does not extend seal " + earlier.statement().sealId() + " at " + head.aggregateId()));
            }
        }
        return java.util.Optional.empty();
    }
}
