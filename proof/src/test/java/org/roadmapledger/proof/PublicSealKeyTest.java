package org.roadmapledger.proof;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PublicSealKeyTest {

    @Test
    void the_key_id_is_the_rfc_7638_thumbprint_of_rfc_8037s_example_key() {
        PublicSealKey key = PublicSealKey.parse(
                "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}");

        assertThat(key.keyId()).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    }

    @Test
    void a_generated_key_signs_what_its_public_key_verifies_in_every_written_form() {
        SealKey key = SealKey.generate();
        byte[] statement = "sealed".getBytes(StandardCharsets.UTF_8);
        String signature = key.sign(statement);

        SealKey reread = SealKey.fromPem(key.privatePem(), key.publicKey().pem());

        assertThat(PublicSealKey.parse(key.publicKey().pem()).verifies(statement, signature)).isTrue();
        assertThat(PublicSealKey.fromJwk(key.publicKey().jwk()).verifies(statement, signature)).isTrue();
        assertThat(reread.keyId()).isEqualTo(key.keyId());
        assertThat(key.publicKey().verifies("other".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(SealKey.generate().publicKey().verifies(statement, signature)).isFalse();
    }
}
