package org.roadmapledger.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.roadmapledger.platform.LedgerPlatform;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Both sides of the ledger in one JVM, on one port, on embedded stores: the command side's embedded PostgreSQL
 * holds the events, the query side's embedded MongoDB-wire server the views, both under {@code ledger.data-dir}.
 *
 * <p>Every component of both sides comes in by component scan, so what either side adds appears here unchanged.
 * Beans are named by their fully qualified class name: each side may have a class of the same simple name. The
 * two applications' own classes are left out (they would scan again under short names); what they declare besides
 * the scan, configuration properties and scheduling, is declared here.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
        basePackages = {"org.roadmapledger.command", "org.roadmapledger.query", "org.roadmapledger.standalone"},
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class,
        excludeFilters = {
                @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
@ConfigurationPropertiesScan({"org.roadmapledger.command", "org.roadmapledger.query"})
@EnableScheduling
@Import(LedgerPlatform.class)
public class LedgerStandaloneApplication {

    public static void main(String[] args) {
        // The ledger does not phone home; AXONIQ_UPDATE_CHECKER_DISABLED=false or the property re-enables it.
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        System.getProperties().putIfAbsent("disable-axoniq-console-message", "true");
        SpringApplication.run(LedgerStandaloneApplication.class, args);
    }
}
