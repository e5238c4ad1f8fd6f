package org.roadmapledger.proof;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** An export verifies as written, and each alteration of its seals or of the archive is found. */
class ExportTest {

    private final SealKey key = SealKey.generate();
    private final List<StoredEvent> early = new ArrayList<>();
    private final List<StoredEvent> all = new ArrayList<>();
    private final Seal first;
    private final Seal second;

    ExportTest() {
        for (String objective : List.of("1.1.1", "1.1.2", "2.3.1")) {
            List<StoredEvent> chain = Ledgers.chain(objective, 5);
            early.addAll(chain.subList(0, 3));
            all.addAll(chain);
        }
        first = Ledgers.seal(key, "seal-1", 1, null, early);
        second = Ledgers.seal(key, "seal-2", 2, "seal-1", all);
    }

    @Test
    void an_export_of_two_seals_verifies_with_the_pinned_key() throws IOException {
        Verdict verdict = verify(export(List.of(first, second), all), List.of(key.publicKey()));

        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.events()).isEqualTo(15);
        assertThat(verdict.aggregates()).isEqualTo(3);
        assertThat(verdict.seals()).isEqualTo(2);
    }

    @Test
    void a_seal_with_an_altered_signature_is_named() throws IOException {
        char[] signature = second.signature().toCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';
        Seal altered = new Seal(second.statement(), new String(signature), second.heads());

        Verdict verdict = verify(export(List.of(first, altered), all), List.of(key.publicKey()));

        assertThat(verdict.findings()).extracting(Finding::kind, Finding::sealId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Finding.Kind.SEAL_SIGNATURE_INVALID, "seal-2"));
    }

    @Test
    void seals_signed_by_a_key_the_auditor_does_not_trust_are_named() throws IOException {
        Verdict verdict = verify(export(List.of(first, second), all), List.of(SealKey.generate().publicKey()));

        assertThat(verdict.findings()).extracting(Finding::kind).containsOnly(Finding.Kind.SEAL_KEY_UNKNOWN);
        assertThat(verdict.findings().get(0).sealId()).isEqualTo("seal-1");
    }

    @Test
    void a_truncated_export_is_found_truncated() throws IOException {
        byte[] whole = export(List.of(first, second), all);

        for (int cut : new int[]{whole.length / 3, whole.length / 2, whole.length - 30, whole.length - 1}) {
            Verdict verdict = verify(Arrays.copyOf(whole, cut), List.of(key.publicKey()));

            assertThat(verdict.valid()).as("cut at %d of %d", cut, whole.length).isFalse();
            assertThat(verdict.findings()).extracting(Finding::kind).contains(Finding.Kind.EXPORT_TRUNCATED);
        }
    }

    @Test
    void a_seal_whose_head_is_not_on_the_chain_is_named() throws IOException {
        List<SealHead> heads = new ArrayList<>(second.heads());
        SealHead head = heads.get(1);
        heads.set(1, new SealHead(head.aggregateType(), head.aggregateId(), head.sequence(), Sha256.NO_PREVIOUS));
        SealStatement s = second.statement();
        SealStatement statement = new SealStatement(s.sealId(), s.number(), s.label(), s.sealedAt(), s.position(),
                s.treeSize(), s.events(), Sha256.hex(new Seal(null, null, heads).tree().root()), s.keyId(),
                s.previousSealId());
        Seal forged = new Seal(statement, key.sign(statement.signedBytes()), heads);

        Verdict verdict = verify(export(List.of(first, forged), all), List.of(key.publicKey()));

        assertThat(verdict.findings()).extracting(Finding::kind, Finding::sealId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Finding.Kind.SEAL_ROOT_MISMATCH, "seal-2"));
    }

    @Test
    void a_later_seal_that_does_not_extend_the_earlier_one_is_named() {
        Seal unrelated = Ledgers.seal(key, "seal-2", 2, "seal-1", all.subList(0, 5));
        java.util.Map<String, PublicSealKey> trusted = java.util.Map.of(key.keyId(), key.publicKey());
        SealCheck check = new SealCheck(List.of(first, unrelated), trusted);
        java.util.Map<String, String> hashes = check.wanted();
        all.forEach(e -> {
            String position = ChainCheck.key(e.event().aggregateId(), e.event().sequence());
            if (hashes.containsKey(position)) {
                hashes.put(position, e.hash());
            }
        });

        assertThat(check.check(hashes)).extracting(Finding::kind).containsExactly(Finding.Kind.SEAL_NOT_EXTENDED);
    }

    private static byte[] export(List<Seal> seals, List<StoredEvent> events) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportWriter writer = new ExportWriter(out);
        writer.keys(List.of());
        writer.seals(seals);
        for (StoredEvent event : Ledgers.byAggregate(events)) {
            writer.event(event);
        }
        writer.finish(seals.get(seals.size() - 1).statement().sealId(), seals.size());
        return out.toByteArray();
    }

    private static Verdict verify(byte[] archive, List<PublicSealKey> keys) {
        return new ExportVerification(keys, events -> { }).verify(new ByteArrayInputStream(archive));
    }
}
