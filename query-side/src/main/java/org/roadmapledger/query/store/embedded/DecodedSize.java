package org.roadmapledger.query.store.embedded;

import de.bwaldvogel.mongo.bson.Document;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * The heap a decoded document holds, as H2's page cache must count it to keep to its size: today only the documents
 * a file holds in H2's own encoding, written before BSON, which H2 decodes on reading ({@link StoredBson}). Counting twice the BSON
 * size, as before, undercounted documents of many short fields three times over: a 64 MB cache held about 190 MB,
 * and with the rest of a 512 MB heap that left too little to work in (full collections every few seconds under
 * load, 2026-12-07). Sizes are those of a 64-bit JVM with compressed references (heaps below 32 GB), checked
 * against OpenJDK's object layout tool in the tests.
 */
final class DecodedSize {

    private static final int MAP = 56;
    private static final int WRAPPER = 16;
    private static final int ENTRY = 40;
    private static final int ARRAY_HEADER = 16;
    private static final int REFERENCE = 4;
    private static final int BOXED = 16;
    private static final int INSTANT = 24;
    private static final int STRING = 24;
    private static final int LIST = 24;
    private static final int OTHER = 32;

    private DecodedSize() {
    }

    static long of(Object value) {
        if (value == null || value instanceof Boolean) {
            return 0; // null, and the two shared Booleans
        }
        if (value instanceof Document document) {
            return WRAPPER + map(document);
        }
        if (value instanceof String string) {
            return STRING + array(isLatin1(string) ? string.length() : 2L * string.length());
        }
        if (value instanceof Number) {
            return BOXED + (value instanceof Long || value instanceof Double ? 8 : 0);
        }
        if (value instanceof Instant) {
            return INSTANT;
        }
        if (value instanceof byte[] bytes) {
            return array(bytes.length);
        }
        if (value instanceof Collection<?> list) {
            long size = LIST + array((long) REFERENCE * Math.max(list.size(), 10));
            for (Object element : list) {
                size += of(element);
            }
            return size;
        }
        return OTHER;
    }

    private static long map(Map<String, Object> map) {
        long size = MAP + array((long) REFERENCE * capacity(map.size()));
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            size += ENTRY + of(entry.getKey()) + of(entry.getValue());
        }
        return size;
    }

    /** A LinkedHashMap's table starts at 16 slots and doubles while more than three quarters are filled. */
    private static int capacity(int entries) {
        int capacity = 16;
        while (entries > capacity * 3 / 4) {
            capacity *= 2;
        }
        return capacity;
    }

    private static long array(long bytes) {
        return (ARRAY_HEADER + bytes + 7) & ~7L;
    }

    private static boolean isLatin1(String string) {
        for (int i = 0; i < string.length(); i++) {
            if (string.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }
}
