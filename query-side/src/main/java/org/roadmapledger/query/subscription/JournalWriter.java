package org.roadmapledger.query.subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Takes a subscription's {@link DeliveryJournal} to the store in the background, one write at a time: deliveries go
 * on meanwhile, and what they note while a write runs goes in the next one; a failed write is tried again a second
 * later. Its state is guarded by its runner's monitor ({@code guard}), so that the runner sees at once whether a
 * write is under way (a graceful stop completes only once everything is written).
 */
final class JournalWriter {

    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);

    private final String id;
    private final DeliveryJournal journal;
    private final WebhookContext context;
    private final Object guard;
    private final BooleanSupplier stopping;
    /** Called under the guard once no write is under way. */
    private final Runnable settled;
    /** The store says the subscription is no longer this runner's to deliver. */
    private final Runnable noLongerActive;
    // guarded by guard
    private boolean writing;

    JournalWriter(String id, DeliveryJournal journal, WebhookContext context, Object guard, BooleanSupplier stopping,
                  Runnable settled, Runnable noLongerActive) {
        this.id = id;
        this.journal = journal;
        this.context = context;
        this.guard = guard;
        this.stopping = stopping;
        this.settled = settled;
        this.noLongerActive = noLongerActive;
    }

    /** Whether a write is under way; under the guard. */
    boolean writing() {
        return writing;
    }

    /** Writes what is not written yet, in the background unless the executor refuses. */
    void soon() {
        synchronized (guard) {
            if (writing || !journal.unsaved()) {
                return;
            }
            writing = true;
        }
        try {
            context.executor().execute(this::all);
        } catch (RuntimeException e) {
            log.debug("Webhook {}: delivery state not written in the background, writing it now", id);
            all();
        }
    }

    /** Writes what the journal holds, now, on this thread; false if the store failed. */
    boolean now() {
        DeliveryJournal.Written written = journal.write(context.store(), context.owner(),
                context.properties().logEntries());
        if (written == DeliveryJournal.Written.NO_LONGER_ACTIVE) {
            log.info("Webhook {} is no longer active here (paused, deleted or taken over); it stops", id);
            noLongerActive.run();
        }
        return written != DeliveryJournal.Written.FAILED;
    }

    private void all() {
        while (true) {
            boolean failed = !now();
            synchronized (guard) {
                if (failed || !journal.unsaved()) {
                    writing = false;
                    settled.run();
                    if (failed && !stopping.getAsBoolean()) {
                        context.timer().schedule(this::soon, 1, TimeUnit.SECONDS);
                    }
                    return;
                }
            }
        }
    }
}
