package org.roadmapledger.command.proof;

import jakarta.validation.constraints.NotBlank;
import org.roadmapledger.api.proof.SealLedger;
import org.roadmapledger.command.web.CommandContext;
import org.roadmapledger.command.web.CommandSender;
import org.roadmapledger.command.web.InvalidRequest;
import org.roadmapledger.platform.proof.SealRows;
import org.roadmapledger.proof.Seal;
import org.roadmapledger.command.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** {@code POST /api/seals}: the programme office seals the ledger (DESIGN, "Proof"). */
@RestController
@ConditionalOnProperty(name = "ledger.proof.enabled", havingValue = "true", matchIfMissing = true)
class SealCommandController {

    /** @param label what the seal is called, e.g. "Conseil du numérique en santé, 2025-06-24" */
    record SealRequest(@NotBlank String label) {
    }

    private final CommandSender sender;
    private final SealRows seals;
    private final SealKeyring keyring;

    SealCommandController(CommandSender sender, SealRows seals, SealKeyring keyring) {
        this.sender = sender;
        this.seals = seals;
        this.keyring = keyring;
    }

    @PostMapping(path = "/api/seals", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> seal(@RequestBody SealRequest body, CommandContext context) {
        if (body.label() == null || body.label().isBlank()) {
            throw new InvalidRequest("label", "label is required: what the seal is called");
        }
        if (body.label().length() > 200) {
            throw new InvalidRequest("label", "label is at most 200 characters");
        }
        keyring.signingKey().orElseThrow(SealMaker.NoSealKey::new);
        long number = sender.send(SealLedger.labelled(body.label()), context, body);
        Seal seal = seals.statements().get((int) number - 1);
        return ResponseEntity.created(URI.create("/api/seals/" + seal.statement().sealId()))
                .body(SealResponse.of(seal));
    }

    @ExceptionHandler(SealMaker.NoSealKey.class)
    ProblemDetail noKey(SealMaker.NoSealKey exception) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "no-seal-key", "No seal key", exception.getMessage());
    }
}
