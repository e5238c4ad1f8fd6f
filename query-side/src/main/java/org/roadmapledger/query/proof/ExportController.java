package org.roadmapledger.query.proof;

import jakarta.servlet.http.HttpServletRequest;
import org.roadmapledger.platform.proof.ProofProperties;
import org.roadmapledger.platform.proof.PublicKeys;
import org.roadmapledger.platform.proof.SealRows;
import org.roadmapledger.proof.ExportWriter;
import org.roadmapledger.proof.PublicSealKey;
import org.roadmapledger.proof.Seal;
import org.roadmapledger.query.access.AccessLog;
import org.roadmapledger.query.web.KnownParametersOnly;
import org.roadmapledger.query.web.NotFound;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/exports/{sealId}}: a self-contained archive of the ledger up to a seal (proof's
 * {@code ExportFormat}), streamed as it is read: every event up to the seal's heads, every seal up to it with its
 * heads, and the public keys that signed them.
 */
@RestController
@ConditionalOnProperty(name = "ledger.proof.enabled", havingValue = "true", matchIfMissing = true)
@KnownParametersOnly
class ExportController {

    private final SealRows seals;
    private final ProofReads reads;
    private final ProofProperties properties;
    private final AccessLog accessLog;

    ExportController(SealRows seals, ProofReads reads, ProofProperties properties, AccessLog accessLog) {
        this.seals = seals;
        this.reads = reads;
        this.properties = properties;
        this.accessLog = accessLog;
    }

    @GetMapping(path = "/api/exports/{sealId}", produces = {"application/zip", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<StreamingResponseBody> export(@PathVariable("sealId") String sealId, HttpServletRequest request) {
        List<Seal> upTo = new ArrayList<>();
        for (Seal seal : seals.statements()) {
            upTo.add(seal);
            if (seal.statement().sealId().equals(sealId)) {
                return stream(sealId, upTo, request);
            }
        }
        throw new NotFound("no seal " + sealId);
    }

    private ResponseEntity<StreamingResponseBody> stream(String sealId, List<Seal> upTo, HttpServletRequest request) {
        accessLog.record("export", sealId, request);
        List<Seal> withHeads = upTo.stream().map(seals::withHeads).toList();
        Map<String, PublicSealKey> known = PublicKeys.in(properties.keyDir());
        List<PublicSealKey> signers = withHeads.stream().map(seal -> known.get(seal.statement().keyId()))
                .filter(key -> key != null).distinct().toList();
        StreamingResponseBody body = out -> {
            ExportWriter writer = new ExportWriter(out);
            writer.keys(signers);
            writer.seals(withHeads);
            reads.sealed(sealId, event -> {
                try {
                    writer.event(event);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.finish(sealId, withHeads.size());
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-export-" + sealId + ".zip\"")
                .body(body);
    }
}
