package org.roadmapledger.command.store;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Objectives kept in memory between their commands, at most {@code size} of them, the least used leaving first
 * (Caffeine's policy; its upkeep done by the calling thread, at once). Without it every command read the
 * objective's latest snapshot and up to 99 events after it, and replayed them: on the 1,000,000-event ledger 5.8
 * reads and 0.7 ms of waiting on PostgreSQL a command, gone with it; the HTTP thread's CPU went from 4.73 ms to
 * 3.87-4.05 ms a command (benchmarks/results/2026-12-07-command-budget.md). Axon removes an objective whose unit
 * of work rolls back, so a failed command leaves nothing behind; one node must own each objective's commands (the
 * standalone, or Axon Server's routing): two command-side instances on one PostgreSQL without it would answer 409 to
 * a command on an objective the other instance changed since, so the cache is off there.
 */
final class AggregateCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    AggregateCache(int size) {
        this.entries = Caffeine.newBuilder().maximumSize(size).executor(Runnable::run).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> value) {
        return (T) entries.get(key, k -> value.get());
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    /** Nothing in the ledger listens to the cache's entries. */
    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        throw new UnsupportedOperationException("the objective cache has no entry listeners");
    }
}
