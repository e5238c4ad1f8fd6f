package org.roadmapledger.query.store.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How the H2 backend stores the embedded server's documents and index keys here: as BSON, the form they arrive in
 * over the wire, behind a marker byte that H2's own encoding never starts with. H2's default encodes them with Java
 * serialization, which took most of a replay's time on this backend (JFR: reading and writing pages). Values
 * written before, in H2's encoding, are read as they are; a value BSON cannot hold is written in H2's encoding.
 */
final class BsonEncoding {

    /** H2's {@link ObjectDataType} starts every value with a tag from 0 to 127. */
    private static final byte MARKER = (byte) 0xFF;
    private static final ThreadLocal<ByteBuf> SCRATCH = ThreadLocal.withInitial(() -> Unpooled.buffer(1024));

    private final ObjectDataType h2 = new ObjectDataType();

    void writeDocument(WriteBuffer buffer, Object value) {
        if (value instanceof StoredBson stored) {
            buffer.put(MARKER).put(stored.bytes());
            return;
        }
        if (value instanceof Document document) {
            ByteBuf bson = scratch();
            try {
                BsonEncoder.encodeDocument(document, bson);
            } catch (RuntimeException notBson) {
                h2.write(buffer, value);
                return;
            }
            buffer.put(MARKER).put(bson.nioBuffer());
            return;
        }
        h2.write(buffer, value);
    }

    /** A document as {@link StoredBson}, undecoded; one in H2's encoding (written before BSON) decoded. */
    Object readDocument(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != MARKER) {
            return h2.read(buffer);
        }
        buffer.get();
        int length = Integer.reverseBytes(buffer.getInt(buffer.position())); // BSON's length is little-endian
        byte[] bson = new byte[length];
        buffer.get(bson);
        return new StoredBson(bson);
    }

    void writeValues(WriteBuffer buffer, List<Object> values, Object original) {
        ByteBuf bson = scratch();
        try {
            for (Object value : values) {
                byte type = BsonEncoder.determineType(value);
                bson.writeByte(type);
                BsonEncoder.encodeValue(type, value, bson);
            }
        } catch (RuntimeException notBson) {
            h2.write(buffer, original);
            return;
        }
        buffer.put(MARKER).putVarInt(values.size()).putVarInt(bson.readableBytes()).put(bson.nioBuffer());
    }

    /**
     * What {@link #writeValues} writes for the one string of a key, written straight into the buffer: a commit of
     * the views file spent a third of its time encoding index keys through the server's general encoder, a copy
     * and a list a key: 6.2 -> 3.3 % of a replay's CPU samples (JFR, 200,000 events).
     */
    void writeString(WriteBuffer buffer, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        // a BSON value: its type, its length (little-endian, with the terminating zero), the bytes, the zero
        buffer.put(MARKER).putVarInt(1).putVarInt(utf8.length + 6).put(BsonConstants.TYPE_UTF8_STRING)
                .putInt(Integer.reverseBytes(utf8.length + 1)).put(utf8).put(BsonConstants.STRING_TERMINATION);
    }

    /** The values written by {@link #writeValues}, or null when the value is in H2's encoding (then unread). */
    List<Object> readValues(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != MARKER) {
            return null;
        }
        buffer.get();
        int count = DataUtils.readVarInt(buffer);
        int length = DataUtils.readVarInt(buffer);
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice().limit(length));
        buffer.position(buffer.position() + length);
        List<Object> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(BsonDecoder.decodeValue(bson.readByte(), bson));
        }
        return values;
    }

    Object readH2(ByteBuffer buffer) {
        return h2.read(buffer);
    }

    /** What H2 counts a document as in its page cache: the heap it holds, bytes or decoded ({@link DecodedSize}). */
    int documentMemory(Object value) {
        if (value instanceof StoredBson stored) {
            return stored.memory();
        }
        if (value instanceof Document document) {
            return (int) Math.min(Integer.MAX_VALUE, DecodedSize.of(document));
        }
        return h2.getMemory(value);
    }

    /** This thread's buffer to encode into, emptied; valid until its next call on this thread. */
    static ByteBuf scratch() {
        ByteBuf buffer = SCRATCH.get();
        if (buffer.capacity() > 1 << 20) { // one large document must not pin a large buffer to the thread
            buffer = Unpooled.buffer(1024);
            SCRATCH.set(buffer);
        }
        return buffer.clear();
    }
}
