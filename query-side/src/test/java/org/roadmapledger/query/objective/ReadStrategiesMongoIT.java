package org.roadmapledger.query.objective;

import org.roadmapledger.query.MongoContainerStores;
import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The read strategies contract on the real MongoDB; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = MongoContainerStores.class)
class ReadStrategiesMongoIT extends ReadStrategiesContract {

    @Override
    protected String variant() {
        return MongoContainerStores.VARIANT;
    }
}
