package org.roadmapledger.query;

import org.springframework.test.context.ContextConfiguration;

/** The projection contract on the embedded MongoDB-wire server. */
@ContextConfiguration(initializers = EmbeddedStores.class)
class ProjectionIT extends ProjectionContract {

    @Override
    protected String variant() {
        return EmbeddedStores.VARIANT;
    }
}
