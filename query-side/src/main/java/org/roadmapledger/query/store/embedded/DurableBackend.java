package org.roadmapledger.query.store.embedded;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The H2 views backend with MongoDB's promise: a write is whole, and survives the process once it is acknowledged,
 * unless it asked for no journal ({@code writeConcern: {j: false}}), which, as on MongoDB, survives once the next
 * journaled write or the next periodic commit has covered it. H2's own background commit stores whatever the maps
 * hold at that moment, so a process killed after it could leave half a command on disk: a unique index entry whose
 * document never followed. An insert-once of that document then met a duplicate key and never wrote it, and every
 * later event of its objective failed on the missing state (issue 11, defect 1). Here, background commits are off
 * ({@link H2Views#open}); each writing command runs alone, and a commit is taken between two of them, never inside
 * one, so the file always holds the store as it was after some prefix of its writes. Reads run beside writes: H2's
 * maps are safe to read concurrently, and a read sees a write as soon as it is applied. A commit writes the changed
 * pages to the file without fsync: a killed process loses nothing acknowledged, a power cut may lose the last
 * writes (and the token with them: the tokens live in the same store, written after the views, so the events are
 * delivered again).
 *
 * <p>Why writes may skip their commit: the projections write five documents and two tokens an event, and a commit
 * per write was 42 % of this server's CPU under a stream of status reports (JFR, 1,500 commands at one client).
 * The projections ask for no journal (their tokens too: ViewCollections), so one commit every 100 ms covers them:
 * the server's CPU a command fell from 3.4 to 1.8-1.9 ms (benchmarks/results/2026-12-07-views-commits.md).
 */
final class DurableBackend extends H2Views.ValueOrderedBackend {

    private static final Logger log = LoggerFactory.getLogger(DurableBackend.class);

    /** The commands that change the store; any other leaves it as it is. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropdatabase", "dropindexes", "deleteindexes", "renamecollection");
    /** How long a write without journal waits at most for a commit, as MongoDB's journal interval. */
    private static final long COMMIT_INTERVAL_MILLIS = 100;

    /** Held to apply a write or to commit: a commit never sees half a write. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Held by the one that commits; a writer waiting on it may find its write covered meanwhile. */
    private final ReentrantLock committing = new ReentrantLock();
    private final MVStore store;
    private final ScheduledExecutorService periodic;
    private final AtomicLong commits = new AtomicLong();
    private volatile long applied;
    private volatile long committed;

    DurableBackend(MVStore store) {
        super(store);
        this.store = store;
        this.periodic = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "views-store-commit");
            thread.setDaemon(true);
            return thread;
        });
        periodic.scheduleWithFixedDelay(this::commitWritesWithoutJournal, COMMIT_INTERVAL_MILLIS,
                COMMIT_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops the store as a killed process would: nothing more is written. For tests of what survives. */
    void dieAbruptly() {
        periodic.shutdown();
        store.closeImmediately();
    }

    @Override
    public void close() {
        // not interrupted: an interrupt during a commit's file write closes H2's file channel
        periodic.shutdown();
        try {
            periodic.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.close();
    }

    /** The writing commands applied so far, acknowledged or failed. */
    long writes() {
        return applied;
    }

    /** The writes the file holds: all those applied up to this one. */
    long committedWrites() {
        return committed;
    }

    /** The commits that covered them. */
    long commits() {
        return commits.get();
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        Document result = null;
        RuntimeException failure = null;
        writing.lock();
        long mine = ++applied;
        try {
            result = super.handleCommand(channel, databaseName, command, query);
        } catch (RuntimeException failed) {
            // committed all the same: an unordered insert reports its duplicates after writing the rest
            failure = failed;
        } finally {
            writing.unlock();
        }
        if (!withoutJournal(query)) {
            // after the write lock is let go: the committer holds the commit lock and then takes the write lock
            commitUpTo(mine);
        }
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    private static boolean withoutJournal(Document query) {
        return query.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }

    private void commitWritesWithoutJournal() {
        try {
            commitUpTo(applied);
        } catch (RuntimeException closed) {
            log.debug("Views store: no periodic commit ({})", closed.getMessage());
        }
    }

    private void commitUpTo(long write) {
        if (committed >= write) {
            return;
        }
        committing.lock();
        try {
            if (committed >= write) {
                return;
            }
            writing.lock();
            try {
                long upTo = applied;
                store.commit();
                if (store.isClosed()) {
                    // a closed store commits nothing and says nothing: the write must not be acknowledged
                    throw new IllegalStateException("the views store closed before this write was committed");
                }
                commits.incrementAndGet();
                committed = upTo;
            } finally {
                writing.unlock();
            }
        } finally {
            committing.unlock();
        }
    }
}
