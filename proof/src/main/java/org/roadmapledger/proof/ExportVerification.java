package org.roadmapledger.proof;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Verifies an export as it reads it: the keys, the seals, then every event, and the manifest that says the archive
 * is whole.
 */
public final class ExportVerification {

    private final List<PublicSealKey> pinned;
    private final LongConsumer progress;
    private boolean keysFromExport;

    /**
     * @param pinned   the keys the auditor trusts; empty to trust the keys the export carries (said in the verdict)
     * @param progress told the number of events read so far, now and then
     */
    public ExportVerification(List<PublicSealKey> pinned, LongConsumer progress) {
        this.pinned = pinned;
        this.progress = progress;
    }

    /** Whether the last verification trusted the keys inside the export, for want of a pinned key. */
    public boolean keysFromExport() {
        return keysFromExport;
    }

    public Verdict verify(InputStream archive) {
        List<Seal> seals = new ArrayList<>();
        Map<String, PublicSealKey> exportKeys = new LinkedHashMap<>();
        ArchiveEnd end = new ArchiveEnd(archive);
        LedgerCheck check = null;
        try (ZipInputStream zip = new ZipInputStream(end, StandardCharsets.UTF_8)) {
            expect(zip, ExportFormat.KEYS);
            Canonical.parse(zip.readAllBytes()).path("keys")
                    .forEach(jwk -> exportKeys.put(jwk.path("kid").asText(), PublicSealKey.fromJwk(jwk)));
            expect(zip, ExportFormat.SEALS);
            for (String line : lines(zip)) {
                seals.add(Seal.from(Canonical.parse(line)));
            }
            check = new LedgerCheck(seals, trusted(exportKeys));
            expect(zip, ExportFormat.EVENTS);
            MessageDigest digest = Sha256.digest();
            BufferedReader reader = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8), 1 << 16);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
                digest.update(bytes);
                digest.update((byte) '\n');
                check.accept(ExportFormat.readEventLine(Canonical.parse(bytes)));
                if (check.events() % 10_000 == 0) {
                    progress.accept(check.events());
                }
            }
            progress.accept(check.events());
            ZipEntry manifestEntry = zip.getNextEntry();
            if (manifestEntry == null || !ExportFormat.MANIFEST.equals(manifestEntry.getName())) {
                check.add(truncated("it ends after " + check.events() + " events, without its manifest"));
                return check.finish();
            }
            JsonNode manifest = Canonical.parse(zip.readAllBytes());
            if (!end.reached()) {
                check.add(truncated("its closing directory is cut off after the manifest"));
            }
            if (manifest.path("events").asLong(-1) != check.events()
                    || !Sha256.hex(digest.digest()).equals(manifest.path("eventsSha256").asText())
                    || manifest.path("seals").asInt(-1) != seals.size()) {
                check.add(truncated("its manifest announces " + manifest.path("events").asLong() + " events and "
                        + manifest.path("seals").asInt() + " seals; it holds " + check.events() + " and "
                        + seals.size() + ", or other bytes"));
            }
            return check.finish();
        } catch (EOFException e) {
            return failed(check, seals, truncated("it ends in the middle of an entry (" + e.getMessage() + ")"));
        } catch (ZipException e) {
            return failed(check, seals, Finding.ofExport(Finding.Kind.EXPORT_UNREADABLE,
                    "its bytes do not match the archive's own checksums (" + e.getMessage() + ")"));
        } catch (IOException | RuntimeException e) {
            return failed(check, seals, Finding.ofExport(Finding.Kind.EXPORT_UNREADABLE,
                    String.valueOf(e.getMessage())));
        }
    }

    private Map<String, PublicSealKey> trusted(Map<String, PublicSealKey> exportKeys) {
        keysFromExport = pinned.isEmpty();
        if (keysFromExport) {
            return exportKeys;
        }
        Map<String, PublicSealKey> trusted = new LinkedHashMap<>();
        pinned.forEach(key -> trusted.put(key.keyId(), key));
        return trusted;
    }

    /** What was found before the archive broke off stays first: it names the event. */
    private static Verdict failed(LedgerCheck check, List<Seal> seals, Finding finding) {
        if (check == null) {
            return new Verdict(0, 0, 0, seals.size(), List.of(finding));
        }
        check.add(finding);
        return check.finish();
    }

    private static Finding truncated(String detail) {
        return Finding.ofExport(Finding.Kind.EXPORT_TRUNCATED, detail);
    }

    private static void expect(ZipInputStream zip, String name) throws IOException {
        ZipEntry entry = zip.getNextEntry();
        if (entry == null) {
            throw new EOFException("the archive ends before " + name);
        }
        if (!name.equals(entry.getName())) {
            throw new IOException("expected " + name + ", found " + entry.getName());
        }
    }

    private static List<String> lines(InputStream entry) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        entry.transferTo(buffer);
        List<String> lines = new ArrayList<>();
        for (String line : buffer.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }
}
