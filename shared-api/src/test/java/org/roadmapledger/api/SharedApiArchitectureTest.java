package org.roadmapledger.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class SharedApiArchitectureTest {

    private final JavaClasses api = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.roadmapledger.api");

    @Test
    void the_shared_api_knows_nothing_of_spring_storage_or_either_side() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "org.springframework.data..",
                        "org.roadmapledger.command..", "org.roadmapledger.query..")
                .check(api);
    }

    @Test
    void commands_and_events_are_immutable_records() {
        classes().that().implement(org.roadmapledger.api.objective.ObjectiveCommand.class)
                .or().implement(org.roadmapledger.api.objective.ObjectiveEvent.class)
                .should().beRecords()
                .check(api);
    }
}
