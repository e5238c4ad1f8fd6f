package org.roadmapledger.standalone;

import org.roadmapledger.command.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import java.nio.file.Path;

/** Tells whoever started the ledger where its data lives and where to reach it. */
@Component
class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final LedgerProperties properties;

    ReadyBanner(LedgerProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        Path data = properties.dataDir().toAbsolutePath().normalize();
        String base = "http://localhost:" + port(event);
        log.info("""
                Roadmap Ledger is running.
                  data:       {} (event store in postgres/, views in mongo/; LEDGER_DATA_DIR to move it)
                  API:        {}/api/roadmap  {}/api/objectives
                  Swagger UI: {}/swagger-ui.html (OpenAPI: {}/v3/api-docs)
                  health:     {}/actuator/health""", data, base, base, base, base, base);
    }

    private static int port(ApplicationReadyEvent event) {
        return event.getApplicationContext() instanceof WebServerApplicationContext web
                && web.getWebServer() != null ? web.getWebServer().getPort() : -1;
    }
}
