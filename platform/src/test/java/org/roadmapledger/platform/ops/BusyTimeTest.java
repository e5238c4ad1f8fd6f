package org.roadmapledger.platform.ops;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BusyTimeTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void the_share_is_the_handling_time_within_the_window_over_the_window() {
        // given
        BusyTime busy = new BusyTime(Duration.ofSeconds(10), 10);

        // when
        busy.add(1 * SECOND, SECOND / 2);
        busy.add(5 * SECOND, 2 * SECOND);

        // then
        assertThat(busy.share(6 * SECOND)).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void handling_older_than_the_window_no_longer_counts() {
        // given
        BusyTime busy = new BusyTime(Duration.ofSeconds(10), 10);
        busy.add(1 * SECOND, 3 * SECOND);
        busy.add(8 * SECOND, 1 * SECOND);

        // then
        assertThat(busy.share(10 * SECOND)).isCloseTo(0.4, within(1e-9));
        assertThat(busy.share(12 * SECOND)).as("the first second's bucket left the window")
                .isCloseTo(0.1, within(1e-9));
        assertThat(busy.share(30 * SECOND)).isZero();
    }

    @Test
    void a_bucket_reused_a_window_later_starts_empty() {
        // given
        BusyTime busy = new BusyTime(Duration.ofSeconds(10), 10);
        busy.add(3 * SECOND, 5 * SECOND);

        // when: the same slot, one window later
        busy.add(13 * SECOND, SECOND);

        // then
        assertThat(busy.share(13 * SECOND)).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void a_million_messages_in_one_window_are_counted_in_the_same_fixed_buckets() {
        // given
        BusyTime busy = new BusyTime(Duration.ofMinutes(10), 60);

        // when: a million messages of 0.3 ms within one minute
        for (long i = 0; i < 1_000_000; i++) {
            busy.add(60 * SECOND + i * 60, 300_000);
        }

        // then: 300 s of handling in a 600 s window
        assertThat(busy.share(120 * SECOND)).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void a_window_too_short_for_its_buckets_is_refused() {
        assertThatThrownBy(() -> new BusyTime(Duration.ofNanos(5), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
