package org.roadmapledger.query.store.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The views' page cache takes a sixth of the heap unless it is configured, and never less than 16 MB. */
class EmbeddedMongoConfigurationTest {

    private static final long MEGABYTE = 1 << 20;

    @Test
    void an_unconfigured_cache_takes_a_sixth_of_the_maximum_heap() {
        assertThat(EmbeddedMongoConfiguration.cacheMegabytes(0, 512 * MEGABYTE)).isEqualTo(85);
        assertThat(EmbeddedMongoConfiguration.cacheMegabytes(0, 1024 * MEGABYTE)).isEqualTo(170);
    }

    @Test
    void a_small_heap_still_gets_16_megabytes() {
        assertThat(EmbeddedMongoConfiguration.cacheMegabytes(0, 64 * MEGABYTE)).isEqualTo(16);
    }

    @Test
    void a_configured_size_is_taken_as_it_is() {
        assertThat(EmbeddedMongoConfiguration.cacheMegabytes(200, 512 * MEGABYTE)).isEqualTo(200);
    }
}
