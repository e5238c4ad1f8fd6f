package org.roadmapledger.api.proof;

import org.axonframework.serialization.Revision;

/**
 * The ledger was sealed: the Merkle root of every aggregate's head at that point, signed. The fields are the signed
 * statement (proof's {@code SealStatement}) and its signature; the heads themselves are kept beside the event, in
 * the {@code seal_head} table, written in the same transaction.
 *
 * @param sealedAt an ISO-8601 instant, kept as the text that was signed
 * @param position the highest global index among the sealed heads
 */
@Revision("1")
public record LedgerSealed(String sealId, long number, String label, String sealedAt, long position, long treeSize,
                           long events, String root, String algorithm, String keyId, String previousSealId,
                           String signature) {

    /** Every seal is an event of one aggregate, so seals are numbered, ordered and chained like any history. */
    public static final String SEALS = "ledger-seals";
}
