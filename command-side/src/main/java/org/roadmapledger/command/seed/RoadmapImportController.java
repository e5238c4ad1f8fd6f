package org.roadmapledger.command.seed;

import org.roadmapledger.command.web.CommandContext;
import org.roadmapledger.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/**
 * {@code POST /api/roadmap/import}: imports the roadmap file sent as the body, for the programme office. The events
 * carry its caller as their actor and the request's correlation id, which the response header repeats.
 */
@RestController
class RoadmapImportController {

    private static final Logger log = LoggerFactory.getLogger(RoadmapImportController.class);

    private final RoadmapImport roadmapImport;

    RoadmapImportController(RoadmapImport roadmapImport) {
        this.roadmapImport = roadmapImport;
    }

    @PostMapping(path = "/api/roadmap/import", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ImportSummary importRoadmap(@RequestBody RoadmapFile file, CommandContext context) {
        log.info("import: requested by {}", context.caller().label());
        return roadmapImport.run(file, context.correlationId(),
                context.caller().asActor(Set.of(Role.PROGRAMME_OFFICE)));
    }
}
