package org.roadmapledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import org.roadmapledger.proof.Canonical;
import org.roadmapledger.proof.PublicSealKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the keys an auditor pins: a PEM public key, a JWK, or a whole JWK set as the ledger publishes it. */
final class Keys {

    private Keys() {
    }

    static List<PublicSealKey> read(Path file) throws IOException {
        String text = Files.readString(file).trim();
        List<PublicSealKey> keys = new ArrayList<>();
        if (text.startsWith("{")) {
            JsonNode node = Canonical.parse(text);
            if (node.has("keys")) {
                node.path("keys").forEach(jwk -> keys.add(PublicSealKey.fromJwk(jwk)));
            } else {
                keys.add(PublicSealKey.fromJwk(node));
            }
        } else {
            keys.add(PublicSealKey.parse(text));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no key");
        }
        return keys;
    }
}
