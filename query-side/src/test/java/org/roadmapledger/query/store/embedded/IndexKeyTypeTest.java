package org.roadmapledger.query.store.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index key of one string is written straight into H2's buffer, byte for byte as the general encoding writes it,
 * so that files written before and after read the same; keys of other values keep the general encoding. Keys of
 * strings are compared directly, in the order the server's comparator gives them.
 */
class IndexKeyTypeTest {

    private final IndexKeyType type = new IndexKeyType();
    private final BsonEncoding encoding = new BsonEncoding();

    @Test
    void a_key_of_one_string_is_written_as_the_general_encoding_writes_it_and_read_back() {
        for (String id : ids(new Random(42))) {
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

    @Test
    void keys_are_ordered_as_the_servers_comparator_orders_their_values() {
        Random random = new Random(7);
        List<String> ids = ids(random);
        List<Object> others = List.of(42, 2.5, 7L, "", "X00042", true);
        for (int i = 0; i < 5000; i++) {
            String id = ids.get(random.nextInt(ids.size()));
            // another id, the same one, one it begins with, or a value of another type
            Object other = switch (random.nextInt(4)) {
                case 0 -> ids.get(random.nextInt(ids.size()));
                case 1 -> new String(id);
                case 2 -> id.substring(0, random.nextInt(id.length() + 1));
                default -> others.get(random.nextInt(others.size()));
            };
            KeyValue a = new KeyValue(id);
            KeyValue b = random.nextBoolean() ? new KeyValue(other) : new KeyValue(other, id);
            int expected = Integer.signum(servers(a, b));
            assertThat(Integer.signum(type.compare(a, b))).as(id + " against " + other).isEqualTo(expected);
            assertThat(Integer.signum(type.compare(b, a))).as(other + " against " + id).isEqualTo(-expected);
        }
    }

    // the order the server's own comparator gives, value by value, the shorter key first when one begins the other
    private static int servers(KeyValue a, KeyValue b) {
        ValueComparator values = ValueComparator.ascWithoutListHandling();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = values.compare(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static List<String> ids(Random random) {
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
        return ids;
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
