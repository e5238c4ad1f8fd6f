package org.roadmapledger.platform.proof;

import org.roadmapledger.proof.PublicSealKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The public keys in the key directory ({@code <kid>.pub}): every key that ever signed a seal stays there after a
 * rotation, so old seals keep verifying. They are the keys verification trusts.
 */
public final class PublicKeys {

    public static final String PUBLIC_SUFFIX = ".pub";

    private PublicKeys() {
    }

    public static Map<String, PublicSealKey> in(Path dir) {
        Map<String, PublicSealKey> keys = new LinkedHashMap<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return keys;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(PUBLIC_SUFFIX)).sorted()
                    .toList()) {
                PublicSealKey key = PublicSealKey.parse(Files.readString(file));
                keys.put(key.keyId(), key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seal keys in " + dir, e);
        }
        return keys;
    }
}
