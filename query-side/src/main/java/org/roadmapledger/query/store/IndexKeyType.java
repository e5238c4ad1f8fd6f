package org.roadmapledger.query.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * The keys of the embedded server's unique indexes ({@code _id} among them) in H2's MVStore, in the order of their
 * values as MongoDB compares them. H2's default type orders such keys, which it knows only as serializable objects,
 * by their Java-serialized bytes: it serialized both keys at every comparison of every lookup and insert, the
 * largest cost of a replay on the H2 backend (README, "Query side"). Stored as before, in H2's encoding of Java
 * objects: only the order of the entries changes ({@link H2Views} puts an index written in the old order into
 * this one once).
 */
final class IndexKeyType extends BasicDataType<KeyValue> {

    private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

    private final ObjectDataType stored = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            int order = VALUES.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        return stored.getMemory(key);
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        stored.write(buffer, key);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        return (KeyValue) stored.read(buffer);
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
