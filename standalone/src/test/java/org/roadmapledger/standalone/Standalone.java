package org.roadmapledger.standalone;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

/** Starts the standalone as its users do, on a data directory of the test's choosing and a free port. */
final class Standalone {

    private Standalone() {
    }

    static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(LedgerStandaloneApplication.class)
                .run("--server.port=0", "--ledger.data-dir=" + dataDir.toAbsolutePath());
    }

    static Http http(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }
}
