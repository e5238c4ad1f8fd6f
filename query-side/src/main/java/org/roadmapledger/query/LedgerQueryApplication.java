package org.roadmapledger.query;

import org.springframework.boot.SpringApplication;
import org.roadmapledger.platform.LedgerPlatform;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The read side of the ledger: projections of the event store into MongoDB and the query API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(LedgerPlatform.class)
@EnableScheduling
public class LedgerQueryApplication {

    public static void main(String[] args) {
        // The ledger does not phone home; AXONIQ_UPDATE_CHECKER_DISABLED=false or the property re-enables it.
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        System.getProperties().putIfAbsent("disable-axoniq-console-message", "true");
        SpringApplication.run(LedgerQueryApplication.class, args);
    }
}
