package org.roadmapledger.proof;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes an export as it streams: nothing but the current line is held in memory. */
public final class ExportWriter {

    private final ZipOutputStream zip;
    private final MessageDigest eventsDigest = Sha256.digest();
    private long events;

    public ExportWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    public void keys(Collection<PublicSealKey> keys) throws IOException {
        zip.putNextEntry(new ZipEntry(ExportFormat.KEYS));
        ObjectNode set = Canonical.object();
        ArrayNode array = set.putArray("keys");
        keys.forEach(key -> array.add(key.jwk()));
        zip.write(Canonical.bytes(set));
        zip.closeEntry();
    }

    public void seals(List<Seal> seals) throws IOException {
        zip.putNextEntry(new ZipEntry(ExportFormat.SEALS));
        for (Seal seal : seals) {
            zip.write(Canonical.bytes(seal.json()));
            zip.write('\n');
        }
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(ExportFormat.EVENTS));
    }

    public void event(StoredEvent event) throws IOException {
        byte[] line = ExportFormat.eventLine(event);
        zip.write(line);
        zip.write('\n');
        eventsDigest.update(line);
        eventsDigest.update((byte) '\n');
        events++;
    }

    public long events() {
        return events;
    }

    /** Closes the events, writes the manifest and ends the archive. */
    public void finish(String sealId, int seals) throws IOException {
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(ExportFormat.MANIFEST));
        ObjectNode manifest = Canonical.object();
        manifest.put("format", ExportFormat.FORMAT);
        manifest.put("sealId", sealId);
        manifest.put("seals", seals);
        manifest.put("events", events);
        manifest.put("eventsSha256", Sha256.hex(eventsDigest.digest()));
        zip.write(Canonical.bytes(manifest));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }
}
