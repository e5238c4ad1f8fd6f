package org.roadmapledger.command.proof;

import org.roadmapledger.platform.proof.EventRows;
import org.roadmapledger.proof.ChainedEvent;
import org.roadmapledger.proof.Sha256;
import org.roadmapledger.proof.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chains, once, the events recorded before chaining existed: each gets its hash in {@code event_chain_backfill}, a
 * record of its own (the event table is never rewritten), and verification reports them as chained at start-up.
 * Runs when the application's beans are ready and before its web server and processors start, so no command
 * appends meanwhile; {@code event_chain_start} says it was done. A crash midway is resumed: rows already written
 * count as chained.
 */
class ChainStart implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ChainStart.class);
    private static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ChainStart(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Integer done = jdbc.queryForObject("SELECT count(*) FROM event_chain_start", Integer.class);
        if (done != null && done > 0) {
            return;
        }
        chainEarlierEvents();
    }

    /** Chains every event that has no hash yet; idempotent. */
    void chainEarlierEvents() {
        long total = count();
        transactions.executeWithoutResult(status -> chain(total));
    }

    private long count() {
        Long total = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        return total == null ? 0 : total;
    }

    private void chain(long total) {
        long started = System.nanoTime();
        long[] seen = {0};
        List<Object[]> batch = new ArrayList<>();
        Map<String, String> lastHash = new HashMap<>();
        long[] chained = {0};
        jdbc.setFetchSize(BATCH);
        jdbc.query(EventRows.SELECT + " ORDER BY e.aggregate_identifier, e.sequence_number", row -> {
            StoredEvent stored = EventRows.map(row);
            ChainedEvent event = stored.event();
            String prevHash = event.sequence() == 0 ? Sha256.NO_PREVIOUS
                    : lastHash.getOrDefault(event.aggregateId(), Sha256.NO_PREVIOUS);
            String hash = stored.hash();
            if (stored.origin() == StoredEvent.Origin.UNCHAINED) {
                ChainedEvent linked = new ChainedEvent(event.aggregateType(), event.aggregateId(), event.sequence(),
                        event.eventId(), event.type(), event.revision(), event.recordedAt(), event.effectiveOn(),
                        event.actor(), event.correlationId(), event.payload(), prevHash);
                hash = linked.hash();
                batch.add(new Object[]{row.getLong("global_index"), event.aggregateId(), event.sequence(), prevHash,
                        hash});
                chained[0]++;
                if (batch.size() == BATCH) {
                    insert(batch);
                }
            }
            lastHash.put(event.aggregateId(), hash);
            if (++seen[0] % 100_000 == 0) {
                progress(seen[0], total, started);
            }
        });
        insert(batch);
        jdbc.update("INSERT INTO event_chain_start (id, events_chained, chained_at) VALUES (1, ?, ?) "
                + "ON CONFLICT (id) DO NOTHING", chained[0], clock.instant().toString());
        if (chained[0] > 0) {
            log.info("Chained {} events recorded before chaining existed (of {}), in event_chain_backfill",
                    chained[0], seen[0]);
            progress(seen[0], total, started);
        }
    }

    private void insert(List<Object[]> batch) {
        if (!batch.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO event_chain_backfill (global_index, aggregate_identifier, "
                    + "sequence_number, prev_hash, hash) VALUES (?, ?, ?, ?, ?)", batch);
            batch.clear();
        }
    }

    private static void progress(long seen, long total, long started) {
        long rate = seen * 1_000_000_000L / Math.max(1, System.nanoTime() - started);
        log.info("Chaining earlier events: {} of {} ({} %), {} events/s", seen, total,
                total == 0 ? 100 : seen * 100 / total, rate);
    }
}
