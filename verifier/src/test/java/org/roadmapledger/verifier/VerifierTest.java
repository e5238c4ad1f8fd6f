package org.roadmapledger.verifier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roadmapledger.proof.Canonical;
import org.roadmapledger.proof.ChainedEvent;
import org.roadmapledger.proof.ExportWriter;
import org.roadmapledger.proof.Seal;
import org.roadmapledger.proof.SealHead;
import org.roadmapledger.proof.SealKey;
import org.roadmapledger.proof.SealStatement;
import org.roadmapledger.proof.Sha256;
import org.roadmapledger.proof.StoredEvent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line an auditor runs: its verdict, its exit code, its usage. */
class VerifierTest {

    @TempDir
    Path dir;

    private final SealKey key = SealKey.generate();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void a_sound_export_verifies_with_the_published_key_and_exits_zero() throws IOException {
        Path export = export("corr-1");
        Path keyFile = Files.writeString(dir.resolve("keys.json"),
                "{\"keys\":[" + key.publicKey().jwk() + "]}");

        int code = run(export.toString(), "--key", keyFile.toString());

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("VERIFIED: 4 events in 2 chains, 1 seals");
    }

    @Test
    void without_a_key_it_verifies_with_the_exports_keys_and_says_so() throws IOException {
        int code = run(export("corr-1").toString());

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("fetch its published key");
    }

    @Test
    void an_altered_event_in_a_rewritten_archive_fails_naming_it_and_exits_one() throws IOException {
        Path altered = export("corr-B1-altered");
        Path pem = Files.writeString(dir.resolve("key.pem"), key.publicKey().pem());

        int code = run(altered.toString(), "--key", pem.toString());

        assertThat(code).isEqualTo(Verifier.FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED: HASH_MISMATCH: event e-b-1 (B #1)");
    }

    @Test
    void a_byte_changed_in_the_archive_itself_fails() throws IOException {
        Path export = export("corr-1");
        byte[] bytes = Files.readAllBytes(export);
        bytes[bytes.length / 2] ^= 0x20;
        Path damaged = Files.write(dir.resolve("damaged.zip"), bytes);

        assertThat(run(damaged.toString())).isEqualTo(Verifier.FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED: ");
    }

    @Test
    void no_export_is_a_usage_error() {
        assertThat(run()).isEqualTo(Verifier.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar verifier.jar EXPORT");
    }

    private int run(String... args) {
        return Verifier.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** @param name "corr-B1-altered" writes event B #1 with another correlation id than the one it was hashed with */
    private Path export(String name) throws IOException {
        List<StoredEvent> events = new ArrayList<>();
        List<SealHead> heads = new ArrayList<>();
        for (String aggregate : List.of("A", "B")) {
            String prev = Sha256.NO_PREVIOUS;
            for (int sequence = 0; sequence < 2; sequence++) {
                ObjectNode payload = Canonical.object().put("objectiveId", aggregate);
                ChainedEvent event = ChainedEvent.of("Objective", aggregate, sequence,
                        "e-" + aggregate.toLowerCase() + "-" + sequence, "StatusReported", null,
                        "2025-06-24T10:00:00.000Z", "auditor", "corr-" + aggregate + sequence, payload, prev);
                prev = event.hash();
                if (name.equals("corr-B1-altered") && aggregate.equals("B") && sequence == 1) {
                    event = ChainedEvent.of("Objective", aggregate, sequence, event.eventId(), event.type(), null,
                            event.recordedAt(), event.actor(), "rewritten", payload, event.prevHash());
                }
                events.add(new StoredEvent(event, prev, StoredEvent.Origin.APPENDED));
            }
            heads.add(new SealHead("Objective", aggregate, 1, prev));
        }
        Seal unsigned = new Seal(null, null, heads);
        SealStatement statement = new SealStatement("s1", 1, "Conseil", "2025-06-24T12:00:00Z", 4, 2, 4,
                Sha256.hex(unsigned.tree().root()), key.keyId(), null);
        Seal seal = new Seal(statement, key.sign(statement.signedBytes()), heads);
        Path file = dir.resolve(name + ".zip");
        try (OutputStream stream = Files.newOutputStream(file)) {
            ExportWriter writer = new ExportWriter(stream);
            writer.keys(List.of(key.publicKey()));
            writer.seals(List.of(seal));
            for (StoredEvent event : events) {
                writer.event(event);
            }
            writer.finish("s1", 1);
        }
        return file;
    }
}
