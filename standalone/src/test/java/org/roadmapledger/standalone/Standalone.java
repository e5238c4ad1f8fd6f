package org.roadmapledger.standalone;

import org.roadmapledger.command.LedgerProperties;
import org.roadmapledger.platform.security.LocalIssuer;
import org.roadmapledger.platform.security.TestIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts the standalone as its users do, on a data directory of the test's choosing and a free port. */
final class Standalone {

    private Standalone() {
    }

    /** The rate limits lifted: the tests that are not about them send far more than a person would. */
    static final String[] UNLIMITED = {"--ledger.rate-limit.per-second=1000000", "--ledger.rate-limit.burst=1000000"};

    static ConfigurableApplicationContext start(Path dataDir, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--ledger.data-dir=" + dataDir.toAbsolutePath(),
                UNLIMITED[0], UNLIMITED[1]));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(LedgerStandaloneApplication.class).run(args.toArray(String[]::new));
    }

    /** A client of a standalone with the embedded issuer's demo clients, or of a split service with the test's. */
    static Http http(ConfigurableApplicationContext context) {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        if (context.getBeanNamesForType(LocalIssuer.class).length > 0) {
            return Http.standalone(port, context.getBean(LedgerProperties.class).dataDir());
        }
        return new Http(port, (method, path) -> TestIssuer.shared().everyRole());
    }
}
