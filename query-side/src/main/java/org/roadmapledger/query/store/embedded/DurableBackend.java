package org.roadmapledger.query.store.embedded;

import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The H2 views backend with MongoDB's promise: a write is whole and survives the process once it is acknowledged.
 * H2's own background commit stores whatever the maps hold at that moment, so a process killed after it could leave
 * half a command on disk: a unique index entry whose document never followed. An insert-once of that document then
 * met a duplicate key and never wrote it, and every later event of its objective failed on the missing state
 * (issue 11, defect 1). Here, background commits are off ({@link H2Views#open}); each writing command runs alone
 * and is committed before it is acknowledged. Reads run beside writes as before: H2's maps are safe to read
 * concurrently, and a read never needs committing. A commit writes the changed pages to the file without fsync: a
 * killed process loses nothing acknowledged, a power cut may lose the last writes (and the token with them: the
 * tokens live in the same store, written after the views, so the events are delivered again).
 */
final class DurableBackend extends H2Views.ValueOrderedBackend {

    /** The commands that change the store; any other leaves it as it is. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
            "createindexes", "drop", "dropdatabase", "dropindexes", "deleteindexes", "renamecollection");

    private final ReentrantLock writing = new ReentrantLock();
    private final MVStore store;

    DurableBackend(MVStore store) {
        super(store);
        this.store = store;
    }

    /** Stops the store as a killed process would: nothing more is written. For tests of what survives. */
    void dieAbruptly() {
        store.closeImmediately();
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (!WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            return super.handleCommand(channel, databaseName, command, query);
        }
        writing.lock();
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            try {
                // also after a failed command: an unordered insert reports its duplicates after writing the rest
                store.commit();
                if (store.isClosed()) {
                    // a closed store commits nothing and says nothing: the write must not be acknowledged
                    throw new IllegalStateException("the views store closed before this write was committed");
                }
            } finally {
                writing.unlock();
            }
        }
    }
}
