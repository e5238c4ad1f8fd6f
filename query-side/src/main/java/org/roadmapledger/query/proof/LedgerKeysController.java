package org.roadmapledger.query.proof;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.roadmapledger.platform.proof.ProofProperties;
import org.roadmapledger.platform.proof.PublicKeys;
import org.roadmapledger.proof.Canonical;
import org.roadmapledger.query.web.KnownParametersOnly;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/ledger/keys}: every key that signs or signed a seal, as a JWK set (RFC 7517, RFC 8037). */
@RestController
@ConditionalOnProperty(name = "ledger.proof.enabled", havingValue = "true", matchIfMissing = true)
@KnownParametersOnly
class LedgerKeysController {

    private final ProofProperties properties;

    LedgerKeysController(ProofProperties properties) {
        this.properties = properties;
    }

    @GetMapping(path = "/api/ledger/keys", produces = {"application/jwk-set+json", MediaType.APPLICATION_JSON_VALUE})
    ObjectNode keys() {
        ObjectNode set = Canonical.object();
        ArrayNode keys = set.putArray("keys");
        PublicKeys.in(properties.keyDir()).values().forEach(key -> keys.add(key.jwk()));
        return set;
    }
}
