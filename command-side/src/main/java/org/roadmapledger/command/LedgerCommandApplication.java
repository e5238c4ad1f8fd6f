package org.roadmapledger.command;

import org.springframework.boot.SpringApplication;
import org.roadmapledger.platform.LedgerPlatform;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The write side of the ledger: REST command API, aggregates, event store and roadmap import. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(LedgerPlatform.class)
public class LedgerCommandApplication {

    public static void main(String[] args) {
        // The ledger does not phone home; AXONIQ_UPDATE_CHECKER_DISABLED=false or the property re-enables it.
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        System.getProperties().putIfAbsent("disable-axoniq-console-message", "true");
        SpringApplication.run(LedgerCommandApplication.class, args);
    }
}
