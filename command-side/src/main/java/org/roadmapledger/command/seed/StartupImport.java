package org.roadmapledger.command.seed;

import org.roadmapledger.command.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Imports the roadmap file when the application starts ({@code ledger.import-on-startup}), so a fresh ledger
 * holds the roadmap and an edited file is taken in by a restart. A file that cannot be read or is invalid stops
 * the start: the operator named it, and a ledger silently without its roadmap would mislead.
 */
@Component
class StartupImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StartupImport.class);

    private final LedgerProperties properties;
    private final RoadmapFileSource source;
    private final RoadmapImport roadmapImport;

    StartupImport(LedgerProperties properties, RoadmapFileSource source, RoadmapImport roadmapImport) {
        this.properties = properties;
        this.source = source;
        this.roadmapImport = roadmapImport;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.importOnStartup()) {
            log.info("import: off at start-up (ledger.import-on-startup=false)");
            return;
        }
        String correlationId = UUID.randomUUID().toString();
        MDC.put("correlationId", correlationId);
        try {
            log.info("import: start-up import of {}", RoadmapFileSource.resource(properties.roadmapFile())
                    .getDescription());
            roadmapImport.run(source.read(properties.roadmapFile()), correlationId);
        } finally {
            MDC.remove("correlationId");
        }
    }
}
