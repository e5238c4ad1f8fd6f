package org.roadmapledger.query;

import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The temporal contract on a real MongoDB; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = MongoContainerStores.class)
class TemporalMongoIT extends TemporalContract {

    @Override
    protected String variant() {
        return MongoContainerStores.VARIANT;
    }
}
