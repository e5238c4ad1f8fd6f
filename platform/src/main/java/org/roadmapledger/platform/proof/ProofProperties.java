package org.roadmapledger.platform.proof;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * The proof's settings ({@code ledger.proof.*}, docs/proof.md).
 *
 * @param enabled     off where the events are not in PostgreSQL's event table (profile {@code axonserver})
 * @param keyDir      where the seal keys are: {@code <kid>.key} (private, command side only) and {@code <kid>.pub}
 * @param generateKey make a key at first start when the directory has none (the standalone does)
 * @param activeKeyId which private key signs, when the directory holds more than one (after a rotation)
 */
@ConfigurationProperties(prefix = "ledger.proof")
public record ProofProperties(@DefaultValue("true") boolean enabled, Path keyDir,
                              @DefaultValue("false") boolean generateKey, String activeKeyId) {
}
