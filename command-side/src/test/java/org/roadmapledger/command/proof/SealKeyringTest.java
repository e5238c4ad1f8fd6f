package org.roadmapledger.command.proof;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapledger.platform.proof.ProofProperties;
import org.roadmapledger.platform.proof.PublicKeys;
import org.roadmapledger.proof.SealKey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seal key: made once where allowed, read where given, and rotated without orphaning old seals. */
class SealKeyringTest {

    @TempDir
    Path dir;

    @Test
    void the_standalone_makes_one_key_and_finds_the_same_at_its_next_start() throws Exception {
        SealKey made = new SealKeyring(new ProofProperties(true, dir, true, null)).signingKey().orElseThrow();

        SealKey again = new SealKeyring(new ProofProperties(true, dir, true, null)).signingKey().orElseThrow();

        assertThat(again.keyId()).isEqualTo(made.keyId());
        assertThat(Files.getPosixFilePermissions(dir.resolve(made.keyId() + ".key")))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(PublicKeys.in(dir)).containsOnlyKeys(made.keyId());
    }

    @Test
    void without_a_key_and_without_leave_to_make_one_there_is_none() {
        assertThat(new SealKeyring(new ProofProperties(true, dir, false, null)).signingKey()).isEmpty();
    }

    @Test
    void after_a_rotation_the_named_key_signs_and_every_public_key_stays_published() throws Exception {
        SealKey old = new SealKeyring(new ProofProperties(true, dir, true, null)).signingKey().orElseThrow();
        byte[] statement = "sealed before the rotation".getBytes(StandardCharsets.UTF_8);
        String oldSignature = old.sign(statement);
        SealKey fresh = SealKey.generate();
        Files.writeString(dir.resolve(fresh.keyId() + ".pub"), fresh.publicKey().pem());
        Files.writeString(dir.resolve(fresh.keyId() + ".key"), fresh.privatePem());

        assertThatThrownBy(() -> new SealKeyring(new ProofProperties(true, dir, true, null)).signingKey())
                .hasMessageContaining("ledger.proof.active-key-id");
        SealKey active = new SealKeyring(new ProofProperties(true, dir, false, fresh.keyId())).signingKey()
                .orElseThrow();

        assertThat(active.keyId()).isEqualTo(fresh.keyId());
        assertThat(PublicKeys.in(dir)).containsOnlyKeys(old.keyId(), fresh.keyId());
        assertThat(PublicKeys.in(dir).get(old.keyId()).verifies(statement, oldSignature)).isTrue();
    }
}
