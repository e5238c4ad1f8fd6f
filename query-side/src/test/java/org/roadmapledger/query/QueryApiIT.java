package org.roadmapledger.query;

import org.springframework.test.context.ContextConfiguration;

/** The query API contract on the embedded MongoDB-wire server. */
@ContextConfiguration(initializers = EmbeddedStores.class)
class QueryApiIT extends QueryApiContract {

    @Override
    protected String variant() {
        return EmbeddedStores.VARIANT;
    }
}
