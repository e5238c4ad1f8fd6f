package org.roadmapledger.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Verifies a whole ledger, or an export of one, as its events stream past: every chain, then every seal. The
 * service and the offline verifier both run it.
 */
public final class LedgerCheck {

    /** More would only repeat what the first ones say, at any size of ledger. */
    static final int MAX_FINDINGS = 1000;

    private final SealCheck seals;
    private final int sealCount;
    private final Map<String, String> wanted;
    private final ChainCheck chains;
    private final List<Finding> findings = new ArrayList<>();

    public LedgerCheck(List<Seal> seals, Map<String, PublicSealKey> trusted) {
        this.seals = new SealCheck(seals, trusted);
        this.sealCount = seals.size();
        this.wanted = this.seals.wanted();
        this.chains = new ChainCheck(wanted);
    }

    public void accept(StoredEvent event) {
        chains.accept(event).ifPresent(this::add);
    }

    /** A failure found outside the chains (a truncated export, say). */
    public void add(Finding finding) {
        if (findings.size() < MAX_FINDINGS) {
            findings.add(finding);
        }
    }

    public long events() {
        return chains.events();
    }

    public Verdict finish() {
        seals.check(wanted).forEach(this::add);
        return new Verdict(chains.events(), chains.aggregates(), chains.chainedAtStartUp(), sealCount,
                List.copyOf(findings));
    }
}
