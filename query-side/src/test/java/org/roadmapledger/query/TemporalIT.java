package org.roadmapledger.query;

import org.springframework.test.context.ContextConfiguration;

/** The temporal contract on the embedded MongoDB-wire server. */
@ContextConfiguration(initializers = EmbeddedStores.class)
class TemporalIT extends TemporalContract {

    @Override
    protected String variant() {
        return EmbeddedStores.VARIANT;
    }
}
