package org.roadmapledger.query.feed;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * The opaque form of a {@link Position} that clients keep: base64url of a format byte, the kind, the index and the
 * gaps as variable-length deltas downwards from the index, and a CRC-32 (truncated to 16 bits) that catches typos
 * and truncation. Decoding refuses anything this ledger would not have given, saying why.
 */
final class PositionCodec {

    private static final int FORMAT = 1;

    private PositionCodec() {
    }

    static String encode(Position.Kind kind, long index, long[] gaps) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 + gaps.length * 2);
        bytes.write(FORMAT);
        bytes.write(kind.ordinal());
        writeVarLong(bytes, index + 1);
        writeVarLong(bytes, gaps.length);
        long previous = index;
        for (int i = gaps.length - 1; i >= 0; i--) {
            writeVarLong(bytes, previous - gaps[i]);
            previous = gaps[i];
        }
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        long check = crc.getValue();
        bytes.write((int) (check >>> 8) & 0xff);
        bytes.write((int) check & 0xff);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    /** @throws IllegalArgumentException saying what is wrong with the text */
    static Position decode(String text) {
        if (text == null || text.isBlank() || text.length() > 40_000) {
            throw new IllegalArgumentException("is not a position given by this ledger");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a position given by this ledger (not base64url)");
        }
        if (bytes.length < 6) {
            throw new IllegalArgumentException("is not a position given by this ledger (too short)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 2);
        long check = crc.getValue();
        if ((bytes[bytes.length - 2] & 0xff) != ((check >>> 8) & 0xff) || (bytes[bytes.length - 1] & 0xff)
                != (check & 0xff)) {
            throw new IllegalArgumentException("is not a position given by this ledger (checksum mismatch)");
        }
        Reader reader = new Reader(bytes, bytes.length - 2);
        if (reader.next() != FORMAT) {
            throw new IllegalArgumentException("is a position of an unknown format");
        }
        int kindOrdinal = reader.next();
        if (kindOrdinal < 0 || kindOrdinal >= Position.Kind.values().length) {
            throw new IllegalArgumentException("is a position of an unknown kind");
        }
        Position.Kind kind = Position.Kind.values()[kindOrdinal];
        long index = reader.varLong() - 1;
        long count = reader.varLong();
        if (count > Position.MAX_GAPS || (kind != Position.Kind.GAP_AWARE && count > 0) || (kind == Position.Kind.BEGINNING && index != -1)
                || (kind != Position.Kind.BEGINNING && index < 0)) {
            throw new IllegalArgumentException("is not a position given by this ledger (inconsistent)");
        }
        long[] gaps = new long[(int) count];
        long previous = index;
        for (int i = gaps.length - 1; i >= 0; i--) {
            long delta = reader.varLong();
            if (delta < 1 || previous - delta < 0) {
                throw new IllegalArgumentException("is not a position given by this ledger (bad gap)");
            }
            previous -= delta;
            gaps[i] = previous;
        }
        if (!reader.atEnd()) {
            throw new IllegalArgumentException("is not a position given by this ledger (trailing bytes)");
        }
        return Position.decoded(kind, index, gaps, text.trim());
    }

    private static void writeVarLong(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static final class Reader {
        private final byte[] bytes;
        private final int end;
        private int at;

        Reader(byte[] bytes, int end) {
            this.bytes = bytes;
            this.end = end;
        }

        int next() {
            if (at >= end) {
                throw new IllegalArgumentException("is not a position given by this ledger (truncated)");
            }
            return bytes[at++] & 0xff;
        }

        long varLong() {
            long value = 0;
            for (int shift = 0; shift < 63; shift += 7) {
                int b = next();
                value |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("is not a position given by this ledger (number too long)");
        }

        boolean atEnd() {
            return at == end;
        }
    }

}
