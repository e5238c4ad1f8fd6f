package org.roadmapledger.command.proof;

import org.roadmapledger.platform.proof.ProofProperties;
import org.roadmapledger.platform.proof.PublicKeys;
import org.roadmapledger.platform.security.SecretFiles;
import org.roadmapledger.proof.SealKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The key that signs seals: {@code <kid>.key} (PKCS#8, readable by its owner only) beside {@code <kid>.pub} in the
 * key directory. The standalone makes one at first start; elsewhere the operator puts it there. After a rotation
 * the directory holds several: {@code ledger.proof.active-key-id} names the one that signs, and the old public
 * keys stay, so the seals they signed keep verifying.
 */
class SealKeyring implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SealKeyring.class);
    static final String PRIVATE_SUFFIX = ".key";

    private final ProofProperties properties;
    private volatile SealKey active;

    SealKeyring(ProofProperties properties) {
        this.properties = properties;
    }

    /** The standalone makes its key at first start, not at its first seal: its public key is served from then. */
    @Override
    public void afterSingletonsInstantiated() {
        if (properties.generateKey()) {
            signingKey();
        }
    }

    /** The signing key, made now if none exists and the ledger may make one; empty when there is none. */
    synchronized Optional<SealKey> signingKey() {
        if (active == null) {
            active = load().orElse(null);
        }
        return Optional.ofNullable(active);
    }

    private Optional<SealKey> load() {
        Path dir = properties.keyDir();
        if (dir == null) {
            return Optional.empty();
        }
        try {
            List<Path> privateKeys = privateKeys(dir);
            if (privateKeys.isEmpty()) {
                return properties.generateKey() ? Optional.of(generate(dir)) : Optional.empty();
            }
            Path chosen = choose(privateKeys);
            String kid = name(chosen);
            return Optional.of(SealKey.fromPem(Files.readString(chosen),
                    Files.readString(dir.resolve(kid + PublicKeys.PUBLIC_SUFFIX))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seal key in " + dir, e);
        }
    }

    private Path choose(List<Path> privateKeys) {
        String wanted = properties.activeKeyId();
        if (wanted != null && !wanted.isBlank()) {
            return privateKeys.stream().filter(file -> name(file).equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("ledger.proof.active-key-id names " + wanted
                            + ", which is not in " + properties.keyDir()));
        }
        if (privateKeys.size() > 1) {
            throw new IllegalStateException(properties.keyDir() + " holds " + privateKeys.size()
                    + " private keys: set ledger.proof.active-key-id (LEDGER_PROOF_ACTIVE_KEY_ID) to the one that signs");
        }
        return privateKeys.get(0);
    }

    private static SealKey generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        SealKey key = SealKey.generate();
        Files.writeString(dir.resolve(key.keyId() + PublicKeys.PUBLIC_SUFFIX), key.publicKey().pem());
        SecretFiles.write(dir.resolve(key.keyId() + PRIVATE_SUFFIX), key.privatePem());
        log.info("Seal key {} generated in {} (its public key is served at /api/ledger/keys)", key.keyId(), dir);
        return key;
    }

    private static List<Path> privateKeys(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(PRIVATE_SUFFIX)).sorted().toList();
        }
    }

    private static String name(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - PRIVATE_SUFFIX.length());
    }
}
