package org.roadmapledger.query.objective;

import org.roadmapledger.query.MongoContainerStores;
import org.springframework.test.context.ContextConfiguration;
import org.testcontainers.junit.jupiter.Testcontainers;

/** Lists and single reads agree on a real MongoDB; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
@ContextConfiguration(initializers = MongoContainerStores.class)
class ListsAndSingleReadsMongoIT extends ListsAndSingleReadsContract {

    @Override
    protected String variant() {
        return MongoContainerStores.VARIANT;
    }
}
