package org.roadmapledger.query;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The contract tests on the embedded MongoDB-wire server (in memory, new per Spring context) over the shared
 * embedded PostgreSQL event store. Every test class that uses it shares one Spring context.
 */
public class EmbeddedStores implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String VARIANT = "emb";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(QueryTestInfrastructure.eventStoreProperties())
                .and("ledger.embedded-mongo=true", "ledger.embedded-mongo-backend=memory",
                        "ledger.roadmap-id=" + QueryContract.roadmapOf(VARIANT))
                .applyTo(context);
    }
}
