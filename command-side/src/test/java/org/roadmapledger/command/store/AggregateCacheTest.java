package org.roadmapledger.command.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The objective cache as Axon's caching repository uses it: bounded, and what is removed is gone. */
class AggregateCacheTest {

    @Test
    void keeps_at_most_its_size() {
        AggregateCache cache = new AggregateCache(100);

        for (int i = 0; i < 1_000; i++) {
            cache.put("objective-" + i, i);
        }

        long kept = java.util.stream.IntStream.range(0, 1_000).filter(i -> cache.containsKey("objective-" + i)).count();
        assertThat(kept).isPositive().isLessThanOrEqualTo(100);
    }

    @Test
    void an_entry_removed_after_a_rolled_back_command_is_read_again_from_the_store() {
        AggregateCache cache = new AggregateCache(10);
        cache.put("1.01", "version 3");

        assertThat(cache.remove("1.01")).isTrue();
        assertThat(cache.remove("1.01")).isFalse();
        assertThat(cache.<String, String>get("1.01")).isNull();
        assertThat(cache.computeIfAbsent("1.01", () -> "version 2 from the store")).isEqualTo("version 2 from the store");
    }

    @Test
    void put_if_absent_and_compute_if_present_change_only_what_they_say() {
        AggregateCache cache = new AggregateCache(10);

        assertThat(cache.putIfAbsent("1.01", "a")).isTrue();
        assertThat(cache.putIfAbsent("1.01", "b")).isFalse();
        cache.<String>computeIfPresent("1.01", value -> value + "+");
        cache.<String>computeIfPresent("1.02", value -> "never");

        assertThat(cache.<String, String>get("1.01")).isEqualTo("a+");
        assertThat(cache.containsKey("1.02")).isFalse();
        assertThatThrownBy(() -> cache.registerCacheEntryListener(null))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
