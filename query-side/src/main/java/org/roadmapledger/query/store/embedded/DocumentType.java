package org.roadmapledger.query.store.embedded;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;

/** The values of the embedded server's collection maps in H2's MVStore, its documents, stored as BSON. */
final class DocumentType extends BasicDataType<Object> {

    private final BsonEncoding encoding = new BsonEncoding();

    @Override
    public int getMemory(Object document) {
        return encoding.documentMemory(document);
    }

    @Override
    public void write(WriteBuffer buffer, Object document) {
        encoding.writeDocument(buffer, document);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        return encoding.readDocument(buffer);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
