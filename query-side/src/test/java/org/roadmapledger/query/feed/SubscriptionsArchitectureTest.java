package org.roadmapledger.query.feed;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The change-event packages depend one way: envelope ← feed ← (stream, webhooks, query updates). */
class SubscriptionsArchitectureTest {

    private final JavaClasses query = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.roadmapledger.query");

    @Test
    void the_feed_knows_none_of_its_subscribers() {
        noClasses().that().resideInAnyPackage("..query.feed..", "..query.cloudevents..")
                .should().dependOnClassesThat().resideInAnyPackage("..query.stream..", "..query.subscription..",
                        "..query.asof..")
                .check(query);
    }

    @Test
    void the_envelope_knows_nothing_of_how_it_is_delivered() {
        noClasses().that().resideInAPackage("..query.cloudevents..")
                .should().dependOnClassesThat().resideInAPackage("..query.feed..")
                .check(query);
    }

    @Test
    void the_subscribers_do_not_know_each_other() {
        slices().matching("org.roadmapledger.query.(stream|subscription|asof)..").should().notDependOnEachOther()
                .check(query);
    }
}
