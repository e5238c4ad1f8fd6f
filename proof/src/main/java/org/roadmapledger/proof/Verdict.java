package org.roadmapledger.proof;

import java.util.List;

/**
 * What verification concluded.
 *
 * @param findings every failure found, the first one first (capped: one per broken aggregate or seal)
 */
public record Verdict(long events, long aggregates, long chainedAtStartUp, int seals, List<Finding> findings) {

    public boolean valid() {
        return findings.isEmpty();
    }

    public String summary() {
        if (valid()) {
            return "VERIFIED: " + events + " events in " + aggregates + " chains, " + seals + " seals"
                    + (chainedAtStartUp > 0 ? " (" + chainedAtStartUp + " events recorded before chaining existed, "
                    + "chained at start-up)" : "");
        }
        return "FAILED: " + findings.get(0).describe()
                + (findings.size() > 1 ? " (and " + (findings.size() - 1) + " more)" : "");
    }
}
