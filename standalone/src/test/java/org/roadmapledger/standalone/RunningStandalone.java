package org.roadmapledger.standalone;

import org.roadmapledger.command.LedgerProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One standalone ledger on a temporary data directory, the roadmap imported as it starts, shared by the test
 * classes that extend this one (one Spring context for all of them), with metrics exported as in production.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.rate-limit.per-second=1000000", "ledger.rate-limit.burst=1000000"})
abstract class RunningStandalone {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> {
            try {
                return Files.createTempDirectory("ledger-standalone-").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Autowired
    LedgerProperties properties;

    private Http http;

    /** One client for the test class: its tokens are fetched once per demo client and reused. */
    Http http() {
        if (http == null) {
            http = Http.standalone(port, properties.dataDir());
        }
        return http;
    }
}
