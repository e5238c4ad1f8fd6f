package org.roadmapledger.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class CommandSideArchitectureTest {

    private final JavaClasses commandSide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.roadmapledger.command");

    @Test
    void the_command_side_never_reaches_into_the_query_side() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.roadmapledger.query..")
                .check(commandSide);
    }

    @Test
    void business_rules_know_nothing_of_http_or_spring() {
        noClasses().that().resideInAPackage("..command.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .check(commandSide);
    }

    @Test
    void its_packages_have_no_cycles() {
        slices().matching("org.roadmapledger.command.(**)").should().beFreeOfCycles().check(commandSide);
    }
}
