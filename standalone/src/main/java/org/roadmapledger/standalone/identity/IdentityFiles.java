package org.roadmapledger.standalone.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import org.roadmapledger.platform.security.SecretFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.LocalDate;

/**
 * What the embedded issuer keeps in {@code <data-dir>/identity}, made at the first start and read at every later
 * one (so tokens outlive a restart): its signing key, each demo client's secret and each demo user's password. Readable by their owner only;
 * never logged.
 */
public final class IdentityFiles {

    private final Path directory;

    IdentityFiles(Path dataDir) {
        this.directory = dataDir.resolve("identity").toAbsolutePath().normalize();
    }

    public Path directory() {
        return directory;
    }

    Path secretFile(String clientId) {
        return directory.resolve(clientId + ".secret");
    }

    String secret(String clientId) throws IOException {
        return SecretFiles.readOrCreate(secretFile(clientId));
    }

    /** A demo user's password, for the pages' login: {@code <user>.password}. */
    String password(String user) throws IOException {
        return SecretFiles.readOrCreate(directory.resolve(user + ".password"));
    }

    RSAKey signingKey() throws IOException {
        Path file = directory.resolve("signing-key.jwk.json");
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(SecretFiles.read(file));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
                    .keyID("standalone-" + LocalDate.now()).generate();
            SecretFiles.write(file, key.toJSONString());
            return key;
        } catch (ParseException | JOSEException e) {
            throw new IOException("the embedded issuer's key in " + file + " is not usable: remove it to get a new one "
                    + "(tokens issued before become invalid)", e);
        }
    }
}
