package org.roadmapledger.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The edges of the query side: it reads the command side's events (shared-api) and never its code; the
 * objective views run one way, from the API to the stored versions to the pure fold; no two packages need
 * each other.
 */
class QuerySideArchitectureTest {

    private final JavaClasses query = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.roadmapledger.query");

    @Test
    void the_query_side_never_depends_on_the_command_side_or_the_standalone() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.roadmapledger.command..",
                "org.roadmapledger.standalone..").check(query);
    }

    @Test
    void stored_versions_know_nothing_of_the_api_that_reads_them() {
        noClasses().that().resideInAPackage("org.roadmapledger.query.objective.versions..")
                .should().dependOnClassesThat().resideInAPackage("org.roadmapledger.query.objective")
                .check(query);
    }

    @Test
    void its_packages_have_no_cycles() {
        slices().matching("org.roadmapledger.query.(**)").should().beFreeOfCycles().check(query);
    }
}
