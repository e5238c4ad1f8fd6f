package org.roadmapledger.query.store.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * A document as the views file and H2's page cache hold it: its BSON bytes, decoded only when the document itself
 * is asked for. H2 reads a whole leaf page to find one value; decoding every document of the page on each cache
 * miss allocated 8.7 GB in a 33-second run of random as-of roadmap reads over 1,000,000 events, and the cache held
 * those decoded documents as millions of small objects for the collector to trace (young pauses of 20-60 ms every
 * 100 ms; JFR, 2026-12-07). Bytes weigh a sixth of that and hold no reference.
 */
final class StoredBson {

    private static final int OVERHEAD = 16 + 16; // this object and its array's header

    private final byte[] bson;

    StoredBson(byte[] bson) {
        this.bson = bson;
    }

    /** The document's bytes, or null when it holds a value BSON cannot (then it is stored as it is). */
    static StoredBson of(Document document) {
        ByteBuf buffer = BsonEncoding.scratch();
        try {
            BsonEncoder.encodeDocument(document, buffer);
        } catch (RuntimeException notBson) {
            return null;
        }
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return new StoredBson(bytes);
    }

    /** A fresh decoded copy: whoever holds it may change it without changing what is stored. */
    Document document() {
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    byte[] bytes() {
        return bson;
    }

    int memory() {
        return OVERHEAD + bson.length;
    }
}
