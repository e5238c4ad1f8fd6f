package org.roadmapledger.query.objective;

import org.roadmapledger.query.EmbeddedStores;
import org.springframework.test.context.ContextConfiguration;

/** The read strategies contract on the embedded MongoDB-wire server. */
@ContextConfiguration(initializers = EmbeddedStores.class)
class ReadStrategiesIT extends ReadStrategiesContract {

    @Override
    protected String variant() {
        return EmbeddedStores.VARIANT;
    }
}
