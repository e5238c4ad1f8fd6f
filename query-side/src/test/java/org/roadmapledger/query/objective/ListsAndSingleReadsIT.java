package org.roadmapledger.query.objective;

import org.roadmapledger.query.EmbeddedStores;
import org.springframework.test.context.ContextConfiguration;

/** Lists and single reads agree on the embedded MongoDB-wire server. */
@ContextConfiguration(initializers = EmbeddedStores.class)
class ListsAndSingleReadsIT extends ListsAndSingleReadsContract {

    @Override
    protected String variant() {
        return EmbeddedStores.VARIANT;
    }
}
