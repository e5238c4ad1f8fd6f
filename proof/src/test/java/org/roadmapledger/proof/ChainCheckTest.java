package org.roadmapledger.proof;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each way of altering a chain is found, at the event where it shows. */
class ChainCheckTest {

    private final List<StoredEvent> chain = Ledgers.chain("1.1.1", 6);

    @Test
    void an_untouched_chain_verifies() {
        assertThat(firstFinding(chain)).isEmpty();
    }

    @Test
    void a_changed_payload_is_found_at_its_event() {
        StoredEvent target = chain.get(3);
        ChainedEvent e = target.event();
        var payload = e.payload().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) payload).put("note", "rewritten");
        chain.set(3, Ledgers.with(target, new ChainedEvent(e.aggregateType(), e.aggregateId(), e.sequence(),
                e.eventId(), e.type(), e.revision(), e.recordedAt(), e.effectiveOn(), e.actor(), e.correlationId(),
                payload, e.prevHash())));

        assertThat(firstFinding(chain)).hasValueSatisfying(found -> {
            assertThat(found.kind()).isEqualTo(Finding.Kind.HASH_MISMATCH);
            assertThat(found.eventId()).isEqualTo(target.event().eventId());
        });
    }

    @Test
    void a_changed_actor_is_found_at_its_event() {
        StoredEvent target = chain.get(2);
        ChainedEvent e = target.event();
        chain.set(2, Ledgers.with(target, new ChainedEvent(e.aggregateType(), e.aggregateId(), e.sequence(),
                e.eventId(), e.type(), e.revision(), e.recordedAt(), e.effectiveOn(), "someone-else",
                e.correlationId(), e.payload(), e.prevHash())));

        assertThat(firstFinding(chain)).map(Finding::eventId).contains(target.event().eventId());
    }

    @Test
    void a_deleted_event_is_found_where_its_sequence_is_missing() {
        StoredEvent deleted = chain.remove(2);

        assertThat(firstFinding(chain)).hasValueSatisfying(found -> {
            assertThat(found.kind()).isEqualTo(Finding.Kind.EVENT_MISSING);
            assertThat(found.sequence()).isEqualTo(deleted.event().sequence() + 1);
            assertThat(found.detail()).contains("sequence 2 missing");
        });
    }

    @Test
    void two_swapped_events_are_found_at_the_first_of_them() {
        StoredEvent second = chain.get(2);
        StoredEvent third = chain.get(3);
        chain.set(2, Ledgers.with(third, renumbered(third.event(), 2)));
        chain.set(3, Ledgers.with(second, renumbered(second.event(), 3)));

        assertThat(firstFinding(chain)).hasValueSatisfying(found -> {
            assertThat(found.kind()).isEqualTo(Finding.Kind.HASH_MISMATCH);
            assertThat(found.eventId()).isEqualTo(third.event().eventId());
        });
    }

    @Test
    void an_inserted_event_hashed_correctly_breaks_the_link_of_the_event_after_it() {
        List<StoredEvent> forged = new ArrayList<>(chain.subList(0, 3));
        ChainedEvent model = chain.get(2).event();
        ChainedEvent inserted = new ChainedEvent(model.aggregateType(), model.aggregateId(), 3, "forged",
                model.type(), null, model.recordedAt(), null, "intruder", null, model.payload(),
                chain.get(2).hash());
        forged.add(new StoredEvent(inserted, inserted.hash(), StoredEvent.Origin.APPENDED));
        for (StoredEvent later : chain.subList(3, chain.size())) {
            forged.add(Ledgers.with(later, renumbered(later.event(), later.event().sequence() + 1)));
        }

        assertThat(firstFinding(forged)).hasValueSatisfying(found -> {
            assertThat(found.kind()).isEqualTo(Finding.Kind.HASH_MISMATCH);
            assertThat(found.eventId()).isEqualTo(chain.get(3).event().eventId());
        });
    }

    @Test
    void an_event_with_no_hash_is_found_as_unchained() {
        StoredEvent target = chain.get(1);
        chain.set(1, new StoredEvent(target.event(), null, StoredEvent.Origin.UNCHAINED));

        assertThat(firstFinding(chain)).map(Finding::kind).contains(Finding.Kind.UNCHAINED);
    }

    private static ChainedEvent renumbered(ChainedEvent e, long sequence) {
        return new ChainedEvent(e.aggregateType(), e.aggregateId(), sequence, e.eventId(), e.type(), e.revision(),
                e.recordedAt(), e.effectiveOn(), e.actor(), e.correlationId(), e.payload(), e.prevHash());
    }

    private static Optional<Finding> firstFinding(List<StoredEvent> events) {
        ChainCheck check = new ChainCheck(new HashMap<>());
        Optional<Finding> first = Optional.empty();
        for (StoredEvent event : events) {
            Optional<Finding> found = check.accept(event);
            if (first.isEmpty()) {
                first = found;
            }
        }
        return first;
    }
}
