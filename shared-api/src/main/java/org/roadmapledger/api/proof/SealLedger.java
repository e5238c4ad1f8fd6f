package org.roadmapledger.api.proof;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Seal the ledger where it stands, under a label such as "Conseil du numérique en santé, 2025-06-24". */
public record SealLedger(@TargetAggregateIdentifier String seals,
                         @NotBlank @Size(max = 200) String label) {

    public static SealLedger labelled(String label) {
        return new SealLedger(LedgerSealed.SEALS, label);
    }
}
