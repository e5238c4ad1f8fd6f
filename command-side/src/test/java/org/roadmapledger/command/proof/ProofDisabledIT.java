package org.roadmapledger.command.proof;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.roadmapledger.command.LedgerTestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the proof is off (the events in Axon Server), the command side starts without any of it. */
@SpringBootTest(properties = {"ledger.proof.enabled=false", "ledger.import-on-startup=false"})
class ProofDisabledIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        LedgerTestDatabase.register(registry);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    EventStorageEngine storageEngine;

    @Test
    void the_command_side_starts_without_chaining_seals_or_their_aggregate() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(context.getBeanNamesForType(SealMaker.class)).isEmpty();
        assertThat(context.getBeanNamesForType(SealCommandController.class)).isEmpty();
        assertThat(context.getBeanNamesForType(LedgerSeals.class)).isEmpty();
    }
}
