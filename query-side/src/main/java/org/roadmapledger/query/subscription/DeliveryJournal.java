package org.roadmapledger.query.subscription;

import org.roadmapledger.query.feed.FeedItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What one subscription's deliveries did that its store does not know yet: the attempts to log, the cursor past the
 * events acknowledged, how many were, and the dead letters that went through. Deliveries note it in memory and go
 * on; {@link #write} takes it all to the store in one go, one writer at a time so that it reaches the store in the
 * order it happened, and keeps it for the next try when the store fails.
 */
final class DeliveryJournal {

    private static final Logger log = LoggerFactory.getLogger(DeliveryJournal.class);
    private static final int LOG_TRIM_EVERY = 100;

    /** What a write came to. */
    enum Written { DONE, NO_LONGER_ACTIVE, FAILED }

    private final String id;
    private final ReentrantLock writing = new ReentrantLock();
    private long seq;
    private long pendingDeadLetters;
    /** The position after the last event acknowledged (or passed over): where the cursor is to be. */
    private String cursor;
    /** The cursor as the store has it. */
    private String savedCursor;
    private long unsavedDeliveries;
    private Instant lastDeliveredAt;
    private final List<DeliveryAttempt> unsavedLog = new ArrayList<>();
    private final List<String> unsavedResolved = new ArrayList<>();

    DeliveryJournal(String id, String cursor, long lastSeq, long pendingDeadLetters) {
        this.id = id;
        this.cursor = cursor;
        this.savedCursor = cursor;
        this.seq = lastSeq;
        this.pendingDeadLetters = pendingDeadLetters;
    }

    /** The number of the next attempt in the subscription's log. */
    synchronized long nextSeq() {
        return ++seq;
    }

    synchronized void attempted(DeliveryAttempt attempt) {
        unsavedLog.add(attempt);
    }

    /** An event was acknowledged; a dead letter still pending, if any, was the one delivered. */
    synchronized void delivered(String position, Instant at, String eventId) {
        cursor = position;
        unsavedDeliveries++;
        lastDeliveredAt = at;
        if (pendingDeadLetters > 0) {
            pendingDeadLetters--;
            unsavedResolved.add(eventId);
        }
    }

    /** Nothing waits to be delivered: the cursor moves past what the filter left out. */
    synchronized void passedTo(String position) {
        cursor = position;
    }

    synchronized String savedCursor() {
        return savedCursor;
    }

    /**
     * Suspends the subscription after an event failed for too long: the event (null when none waits) becomes a dead
     * letter at the saved cursor first, so that whoever sees the subscription suspended finds it.
     */
    void suspend(SubscriptionStore store, String owner, FeedItem item, int attempt, Instant since, Instant now,
                 String error) {
        boolean owned = store.find(id).map(s -> owner.equals(s.owner())).orElse(false);
        if (owned && item != null) {
            store.deadLetter(new DeadLetter(id + ":" + item.event().eventId() + ":" + now.toEpochMilli(), id,
                    item.event().eventId(), item.event().type(), savedCursor(), attempt, since, now, error, null,
                    null));
        }
        if (store.suspended(id, owner, attempt, error).isPresent() && item != null) {
            log.warn("Webhook {} suspended after failing since {} ({} attempts); event {} is a dead letter",
                    id, since, attempt, item.event().eventId());
        }
    }

    synchronized boolean unsaved() {
        return !unsavedLog.isEmpty() || unsavedDeliveries > 0 || !unsavedResolved.isEmpty()
                || !cursor.equals(savedCursor);
    }

    /** Writes what is not written yet (log, cursor, delivered dead letters). */
    Written write(SubscriptionStore store, String owner, int logEntries) {
        writing.lock();
        try {
            List<DeliveryAttempt> entries;
            String position;
            long deliveries;
            Instant deliveredAt;
            List<String> resolved;
            synchronized (this) {
                entries = new ArrayList<>(unsavedLog);
                unsavedLog.clear();
                position = cursor;
                deliveries = unsavedDeliveries;
                unsavedDeliveries = 0;
                deliveredAt = lastDeliveredAt;
                resolved = new ArrayList<>(unsavedResolved);
                unsavedResolved.clear();
            }
            try {
                if (!entries.isEmpty()) {
                    store.log(entries);
                    long last = entries.get(entries.size() - 1).seq();
                    if (last / LOG_TRIM_EVERY != entries.get(0).seq() / LOG_TRIM_EVERY || last % LOG_TRIM_EVERY == 0) {
                        store.trimLog(id, last - logEntries);
                    }
                }
                boolean active = true;
                if (deliveries > 0 || !position.equals(savedCursor())) {
                    Optional<WebhookSubscription> saved = store.delivered(id, owner, position, deliveries,
                            deliveredAt);
                    synchronized (this) {
                        savedCursor = position;
                    }
                    active = saved.map(s -> s.state() == WebhookSubscription.State.ACTIVE).orElse(false);
                }
                for (String eventId : resolved) {
                    store.deadLetterDelivered(id, eventId, deliveredAt);
                }
                return active ? Written.DONE : Written.NO_LONGER_ACTIVE;
            } catch (RuntimeException e) {
                log.warn("Webhook {}: delivery state could not be written; trying again", id, e);
                synchronized (this) {
                    unsavedLog.addAll(0, entries);
                    unsavedDeliveries += deliveries;
                    unsavedResolved.addAll(0, resolved);
                }
                return Written.FAILED;
            }
        } finally {
            writing.unlock();
        }
    }
}
