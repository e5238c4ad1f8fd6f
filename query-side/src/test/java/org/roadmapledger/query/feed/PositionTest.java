package org.roadmapledger.query.feed;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PositionTest {

    private final Random random = new Random(20240517);

    @Test
    void a_position_survives_its_opaque_form_and_converts_back_to_the_same_token() {
        for (int i = 0; i < 500; i++) {
            // given
            Position position = randomPosition();

            // when
            Position decoded = Position.decode(position.encode());

            // then
            assertThat(decoded).isEqualTo(position);
            assertThat(Position.of(decoded.toToken())).isEqualTo(position);
        }
        assertThat(Position.decode(Position.BEGINNING.encode())).isSameAs(Position.BEGINNING);
        assertThat(Position.BEGINNING.toToken()).isNull();
        assertThat(Position.of(new GlobalSequenceTrackingToken(41)).toToken())
                .isEqualTo(new GlobalSequenceTrackingToken(41));
    }

    @Test
    void a_mistyped_truncated_or_foreign_position_is_refused() {
        // given
        String good = Position.of(GapAwareTrackingToken.newInstance(123_456, List.of(123_400L, 123_450L))).encode();
        List<String> bad = new ArrayList<>(List.of("", "now", "!!!", good.substring(0, good.length() - 2),
                good + "A", "AAAAAAAAAA"));
        for (int i = 0; i < good.length(); i++) {
            char[] chars = good.toCharArray();
            chars[i] = chars[i] == 'x' ? 'y' : 'x';
            bad.add(new String(chars));
        }

        // when / then
        for (String text : bad) {
            if (!text.equals(good)) {
                assertThatThrownBy(() -> Position.decode(text)).as(text).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void covering_and_what_is_seen_beyond_agree_with_the_sets_of_seen_events() {
        for (int i = 0; i < 2000; i++) {
            // given
            Position a = randomPosition();
            Position b = randomPosition();
            Set<Long> seenA = seen(a);
            Set<Long> seenB = seen(b);

            // when
            boolean covers = a.covers(b);
            long[] beyond = a.seenBeyond(b, 10_000);

            // then
            assertThat(covers).as(a + " covers " + b).isEqualTo(seenA.containsAll(seenB));
            Set<Long> expected = new TreeSet<>(seenA);
            expected.removeAll(seenB);
            assertThat(beyond).as(a + " beyond " + b)
                    .containsExactly(expected.stream().mapToLong(Long::longValue).toArray());
            if (covers) {
                assertThat(seen(b.plus(beyond))).isEqualTo(seenA);
            }
        }
    }

    @Test
    void the_event_between_two_positions_is_the_new_top_or_the_one_gap_filled() {
        // given
        Position before = gapAware(10, 4, 7);

        // when / then
        assertThat(FeedRing.globalIndex(before, gapAware(12, 4, 7, 11))).isEqualTo(12);
        assertThat(FeedRing.globalIndex(before, gapAware(10, 4))).isEqualTo(7);
        assertThat(FeedRing.globalIndex(before, gapAware(10))).isEqualTo(FeedRing.AMBIGUOUS);
        assertThat(FeedRing.globalIndex(Position.BEGINNING, gapAware(1))).isEqualTo(1);
    }

    private Position randomPosition() {
        if (random.nextInt(20) == 0) {
            return Position.BEGINNING;
        }
        long index = random.nextInt(60);
        List<Long> gaps = new ArrayList<>();
        for (long g = 1; g < index; g++) {
            if (random.nextInt(5) == 0) {
                gaps.add(g);
            }
        }
        return Position.of(GapAwareTrackingToken.newInstance(index, gaps));
    }

    private static Position gapAware(long index, long... gaps) {
        return Position.of(GapAwareTrackingToken.newInstance(index, java.util.Arrays.stream(gaps).boxed().toList()));
    }

    private static Set<Long> seen(Position position) {
        Set<Long> seen = new TreeSet<>();
        for (long i = 0; i <= position.index(); i++) {
            if (position.hasSeen(i)) {
                seen.add(i);
            }
        }
        return seen;
    }
}
