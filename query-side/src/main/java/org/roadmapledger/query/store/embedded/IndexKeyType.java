package org.roadmapledger.query.store.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys of the embedded server's unique indexes ({@code _id} among them) in H2's MVStore, in the order of their
 * values as MongoDB compares them. H2's default type orders such keys, which it knows only as serializable objects,
 * by their Java-serialized bytes: it serialized both keys at every comparison of every lookup and insert, the
 * largest cost of a replay on the H2 backend (docs/architecture.md); {@link H2Views} puts an index written in that
 * order into this one once. Keys are written as BSON values ({@link BsonEncoding}); those written before in H2's
 * encoding of Java objects are read as they are.
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    private final BsonEncoding encoding = new BsonEncoding();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            // two strings (every _id of the views): the server's comparator looks both types up in its list of types
            // before comparing them as this does (IndexKeyTypeTest holds the order). Key comparisons went from 8.0 to
            // 6.6 % of a chunked replay's CPU samples; the rest is the strings' own comparison.
            int order = x instanceof String s && y instanceof String t ? s.compareTo(t) : VALUES.compare(x, y);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        // as objects on the heap; H2's estimate for serializable objects is an average of what it serialized
        int memory = 48;
        for (Object value : key) {
            memory += value instanceof String text ? 48 + text.length() : 32;
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        if (key.size() == 1 && key.get(0) instanceof String id) {
            // the keys of every _id index of the views; a commit writes every key of each page it stores
            encoding.writeString(buffer, id);
            return;
        }
        List<Object> values = new ArrayList<>(key.size());
        key.forEach(values::add);
        encoding.writeValues(buffer, values, key);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        List<Object> values = encoding.readValues(buffer);
        return values == null ? (KeyValue) encoding.readH2(buffer) : new KeyValue(values);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
