package org.roadmapledger.command.proof;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.roadmapledger.api.proof.LedgerSealed;
import org.roadmapledger.api.proof.SealLedger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The ledger's seals, one aggregate: seals are numbered and chained like any history, and two seals taken at once
 * cannot both follow the same one (the second gets a conflict). Absent where the proof is off (profile
 * {@code axonserver}): its handler needs the seal maker.
 */
@Aggregate
@ConditionalOnProperty(name = "ledger.proof.enabled", havingValue = "true", matchIfMissing = true)
public class LedgerSeals {

    @AggregateIdentifier
    private String seals;
    private long number;
    private String lastSealId;

    protected LedgerSeals() {
        // Axon
    }

    /** @return the seal's number */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(SealLedger command, SealMaker maker) {
        LedgerSealed sealed = maker.seal(command.label().strip(), number + 1, lastSealId);
        apply(sealed);
        return sealed.number();
    }

    @EventSourcingHandler
    void on(LedgerSealed sealed) {
        seals = LedgerSealed.SEALS;
        number = sealed.number();
        lastSealId = sealed.sealId();
    }
}
