package org.roadmapledger.platform;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The platform serves both sides and knows neither, nor the domain's messages: it is infrastructure only. */
class PlatformArchitectureTest {

    private final JavaClasses platform = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.roadmapledger.platform");

    @Test
    void the_platform_knows_neither_side_nor_the_domain() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.roadmapledger.command..",
                "org.roadmapledger.query..", "org.roadmapledger.api..", "org.roadmapledger.standalone..")
                .check(platform);
    }

    @Test
    void its_packages_have_no_cycles() {
        slices().matching("org.roadmapledger.platform.(*)..").should().beFreeOfCycles().check(platform);
    }
}
