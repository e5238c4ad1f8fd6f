package org.roadmapledger.proof;

import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 8785's test vectors (the reference implementation's testdata), through the library and through our path. */
class CanonicalJsonTest {

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void the_library_gives_the_rfc_output_for_each_vector(String name) throws IOException {
        byte[] expected = resource("output/" + name + ".json");

        assertThat(new JsonCanonicalizer(resource("input/" + name + ".json")).getEncodedUTF8()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
    void a_value_read_by_jackson_canonicalizes_to_the_same_bytes(String name) throws IOException {
        byte[] expected = resource("output/" + name + ".json");

        assertThat(Canonical.bytes(Canonical.parse(resource("input/" + name + ".json")))).isEqualTo(expected);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = CanonicalJsonTest.class.getResourceAsStream("/rfc8785/" + path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
