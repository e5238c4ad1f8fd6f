package org.roadmapledger.query.store.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The embedded server's H2 file backend with the settings a replay needs: a page cache of a size we choose (H2's
 * default is 16 MB), unique indexes whose keys compare by value ({@link IndexKeyType}) instead of by their
 * Java-serialized bytes, and documents stored as BSON ({@link DocumentType}) instead of Java-serialized.
 * mongo-java-server opens every map with H2's default types; this opens the index and collection maps with ours
 * first, so that its own {@code openMap(name)} finds them open. A file written with the default order has its
 * indexes copied into the new order once, when it is first opened here (a marker map records that it was done).
 */
final class H2Views {

    private static final Logger log = LoggerFactory.getLogger(H2Views.class);
    private static final String INDEX_MAP = "._index_";
    private static final String COLLECTION_MAP = "databases.";
    private static final String META_MAP = "meta.";
    private static final String FORMAT_MAP = "roadmap-ledger.format";
    private static final String INDEX_ORDER = "index-key-order";
    private static final String BY_VALUE = "by-value";
    private static final String REORDERED = ".reordered";
    /**
     * H2 reads and decodes a whole leaf page to find one document: a views file larger than the cache makes most
     * lookups read a page from disk, so smaller pages mean fewer documents decoded per lookup. Measured on a
     * 1,000,000-event catch-up (objective views, -Xmx1g, 64 MB cache): 16 KB (H2's default) 675-750 events/s,
     * 4 KB 1,655, 2 KB no better than 4 KB.
     */
    private static final int PAGE_SPLIT_BYTES = 4 * 1024;
    /** Past this, H2 commits from inside a write; the backend commits well before (every 100 ms at most). */
    private static final int UNSAVED_KILOBYTES = 512 * 1024;
    private static final long COMPACT_ABOVE_BYTES = 64L << 20;
    private static final int COMPACT_BELOW_FILL_RATE = 50;

    private H2Views() {
    }

    static DurableBackend open(Path file, int cacheMegabytes) {
        compactIfSparse(file, COMPACT_ABOVE_BYTES, COMPACT_BELOW_FILL_RATE);
        // no background commits: they could store a command half done (an index entry without its document);
        // the backend commits between writing commands instead (DurableBackend). Nor a commit inside a write once
        // the unsaved pages pass H2's buffer (19 MB here): such a commit stores the write in progress halfway.
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(cacheMegabytes)
                .pageSplitSize(PAGE_SPLIT_BYTES).autoCommitDisabled().autoCommitBufferSize(UNSAVED_KILOBYTES)
                .open();
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        boolean byValue = BY_VALUE.equals(format.get(INDEX_ORDER));
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.endsWith(REORDERED) && !store.hasMap(name.substring(0, name.length() - REORDERED.length()))) {
                // a copy completed before the process died between dropping the original and renaming the copy
                store.renameMap(openIndex(store, name), name.substring(0, name.length() - REORDERED.length()));
            }
        }
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.contains(INDEX_MAP) && !name.endsWith(REORDERED)) {
                if (byValue) {
                    openIndex(store, name);
                } else {
                    reorder(store, name);
                }
            } else if (name.startsWith(COLLECTION_MAP)) {
                openCollection(store, name);
            }
        }
        if (!byValue) {
            format.put(INDEX_ORDER, BY_VALUE);
            store.commit();
        }
        return new DurableBackend(store);
    }

    /**
     * Rewrites a views file that is mostly dead pages, before it is opened. H2 writes copy-on-write and, under the
     * constant writes of a replay, leaves most of the file dead (26 % live after 200,000 events:
     * benchmarks/README.md). Its offline compaction copies each map's pages as they are, so the indexes keep their
     * order.
     */
    static void compactIfSparse(Path file, long aboveBytes, int belowFillRate) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) <= aboveBytes) {
                return;
            }
            long before = Files.size(file);
            int fillRate = fillRate(file);
            if (fillRate >= belowFillRate) {
                return;
            }
            log.info("Views file {}: {} MB, {} % live; compacting it before start-up (about 1 s per GB here)", file,
                    before >> 20, fillRate);
            long started = System.nanoTime();
            MVStoreTool.compact(file.toString(), false);
            log.info("Views file {} compacted from {} MB ({} % live) to {} MB in {} ms", file, before >> 20, fillRate,
                    Files.size(file) >> 20, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The share of the file that live pages take, in percent: the lower of the chunks' fill rate and the file's.
     * H2 frees wholly dead chunks itself and reuses their space, but never shrinks the file: after a 1,000,000-event
     * replay the chunks were 69 % live and the file 29 % (8.5 GB).
     */
    static int fillRate(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        try {
            return Math.min(store.getFileStore().getChunksFillRate(), store.getFillRate());
        } finally {
            // no compaction of its own on the way out: that is compact's work
            store.closeImmediately();
        }
    }

    private static MVMap<KeyValue, Object> openIndex(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
    }

    private static MVMap<Object, Object> openCollection(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Object>().valueType(new DocumentType()));
    }

    private static void reorder(MVStore store, String name) {
        MVMap<KeyValue, Object> old = store.openMap(name);
        MVMap<KeyValue, Object> reordered = openIndex(store, name + REORDERED);
        reordered.clear();
        reordered.putAll(old);
        store.removeMap(old);
        store.renameMap(reordered, name);
        log.info("Index {} of the views: {} keys now ordered by value", name, reordered.size());
    }

    /**
     * Opens the index and collection maps of collections created later with our types too, keeps documents as
     * {@link CompactCollection} does, and makes every write durable and whole when it is acknowledged (see
     * {@link DurableBackend}).
     */
    static class ValueOrderedBackend extends H2Backend {

        ValueOrderedBackend(MVStore store) {
            super(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String databaseName) {
            return new ValueOrderedDatabase(databaseName, getMvStore(), getCursorRegistry());
        }

        // not static: H2Database's constructor opens the existing collections, before a field of ours is set
        private final class ValueOrderedDatabase extends H2Database {

            ValueOrderedDatabase(String databaseName, MVStore store, CursorRegistry cursors) {
                super(databaseName, store, cursors);
            }

            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVStore maps = getMvStore();
                return new CompactCollection(this, collectionName, options,
                        openCollection(maps, COLLECTION_MAP + namespace), maps.openMap(META_MAP + namespace),
                        cursorRegistry);
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
                // a map open already (open() opens the existing indexes) is returned as it is
                openIndex(getMvStore(), getFullCollectionNamespace(collectionName) + INDEX_MAP + indexName);
                return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
            }
        }
    }
}
