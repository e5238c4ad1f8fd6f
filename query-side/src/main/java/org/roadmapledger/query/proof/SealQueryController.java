package org.roadmapledger.query.proof;

import org.roadmapledger.platform.proof.SealRows;
import org.roadmapledger.proof.Seal;
import org.roadmapledger.query.QueryProperties;
import org.roadmapledger.query.roadmap.RoadmapQueries;
import org.roadmapledger.query.time.Viewpoint;
import org.roadmapledger.query.web.KnownParametersOnly;
import org.roadmapledger.query.web.NotFound;
import org.roadmapledger.query.web.PageOf;
import org.roadmapledger.query.web.Paging;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The seals: newest first, one with the roadmap as it stood, and what changed between two (DESIGN, "Proof"). */
@RestController
@ConditionalOnProperty(name = "ledger.proof.enabled", havingValue = "true", matchIfMissing = true)
@KnownParametersOnly
class SealQueryController {

    private final SealRows seals;
    private final ProofReads reads;
    private final RoadmapQueries roadmap;
    private final QueryProperties properties;

    SealQueryController(SealRows seals, ProofReads reads, RoadmapQueries roadmap, QueryProperties properties) {
        this.seals = seals;
        this.reads = reads;
        this.roadmap = roadmap;
        this.properties = properties;
    }

    @GetMapping(path = "/api/seals", produces = MediaType.APPLICATION_JSON_VALUE)
    PageOf<SealView> seals(@RequestParam(required = false) Integer page,
                          @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size);
        List<Seal> newestFirst = new ArrayList<>(seals.statements());
        Collections.reverse(newestFirst);
        List<SealView> items = newestFirst.stream().skip(paging.offset()).limit(paging.size())
                .map(seal -> SealView.of(seal, null)).toList();
        return new PageOf<>(items, paging.page(), paging.size(), newestFirst.size());
    }

    @GetMapping(path = "/api/seals/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    SealView seal(@PathVariable("id") String sealId) {
        Seal seal = find(sealId);
        Instant sealedAt = Instant.parse(seal.statement().sealedAt());
        Viewpoint at = new Viewpoint(sealedAt, sealedAt.atZone(Viewpoint.LEDGER_ZONE).toLocalDate());
        return SealView.of(seal, roadmap.tree(properties.roadmapId(), at).orElse(null));
    }

    @GetMapping(path = "/api/seals/{id}/changes", produces = MediaType.APPLICATION_JSON_VALUE)
    SealChanges.Answer changes(@PathVariable("id") String sealId,
                               @RequestParam(required = false) String since) {
        return SealChanges.of(seals, reads, sealId, since);
    }

    private Seal find(String sealId) {
        return seals.statement(sealId).orElseThrow(() -> new NotFound("no seal " + sealId));
    }
}
