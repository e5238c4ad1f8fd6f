package org.roadmapledger.query;

import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The query API contract on the real MongoDB; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = MongoContainerStores.class)
class QueryApiMongoIT extends QueryApiContract {

    @Override
    protected String variant() {
        return MongoContainerStores.VARIANT;
    }
}
