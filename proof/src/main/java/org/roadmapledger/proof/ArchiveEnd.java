package org.roadmapledger.proof;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Watches the last bytes of an archive go by. A ZIP read as a stream never needs its closing directory, so a cut
 * there would pass unseen; the archive is whole only if it ends with an end-of-central-directory record (the
 * ledger writes no archive comment, so the record is the last 22 bytes).
 */
final class ArchiveEnd extends FilterInputStream {

    private static final int RECORD = 22;
    private static final byte[] SIGNATURE = {0x50, 0x4b, 0x05, 0x06};

    private final byte[] tail = new byte[RECORD];
    private long count;

    ArchiveEnd(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            remember((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            remember(buffer[offset + i]);
        }
        return n;
    }

    private void remember(byte b) {
        tail[(int) (count % RECORD)] = b;
        count++;
    }

    /** Reads what is left and says whether it ended with the closing record. */
    boolean reached() throws IOException {
        transferTo(OutputStream.nullOutputStream());
        if (count < RECORD) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (tail[(int) ((count + i) % RECORD)] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }
}
