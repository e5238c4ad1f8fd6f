package org.roadmapledger.proof;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and the lower-case hexadecimal the ledger writes hashes in. */
public final class Sha256 {

    /** The predecessor of every aggregate's first event. */
    public static final String NO_PREVIOUS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static byte[] of(byte[] data) {
        return digest().digest(data);
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }
}
