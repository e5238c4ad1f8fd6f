package org.roadmapledger.query.store.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index key of one string is written straight into H2's buffer, byte for byte as the general encoding writes it,
 * so that files written before and after read the same; keys of other values keep the general encoding.
 */
class IndexKeyTypeTest {

    private final IndexKeyType type = new IndexKeyType();
    private final BsonEncoding encoding = new BsonEncoding();

    @Test
    void a_key_of_one_string_is_written_as_the_general_encoding_writes_it_and_read_back() {
        Random random = new Random(42);
        List<String> ids = new ArrayList<>(List.of("", "MS-1.1-01", "X00042#2026-01-01#17", "résumé", "数字健康",
                "emoji \uD83D\uDE80", "nul\u0000inside"));
        for (int i = 0; i < 500; i++) {
            StringBuilder id = new StringBuilder();
            for (int c = random.nextInt(80); c > 0; c--) {
                int codePoint = random.nextInt(10) < 8 ? 32 + random.nextInt(95) : 160 + random.nextInt(70000);
                // a lone surrogate is no text: UTF-8 has no form for it
                id.appendCodePoint(Character.isSurrogate((char) codePoint) ? '?' : codePoint);
            }
            ids.add(id.toString());
        }
        for (String id : ids) {
            // when one key is written by the type and the same value by the general encoding
            byte[] written = written(buffer -> type.write(buffer, new KeyValue(id)));
            byte[] general = written(buffer -> encoding.writeValues(buffer, List.of(id), id));

            // then the bytes are the same, and they read back as the key
            assertThat(written).as(id).isEqualTo(general);
            assertThat(type.read(ByteBuffer.wrap(written))).isEqualTo(new KeyValue(id));
        }
    }

    @Test
    void keys_of_other_values_are_read_back_as_they_were() {
        for (KeyValue key : List.of(new KeyValue(42), new KeyValue("a", 1), new KeyValue(2.5), new KeyValue("a", "b"))) {
            byte[] written = written(buffer -> type.write(buffer, key));
            assertThat(type.read(ByteBuffer.wrap(written))).isEqualTo(key);
        }
    }

    private static byte[] written(java.util.function.Consumer<WriteBuffer> write) {
        WriteBuffer buffer = new WriteBuffer(16);
        write.accept(buffer);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        byte[] result = new byte[bytes.remaining()];
        bytes.get(result);
        return result;
    }
}
