package org.roadmapledger.query.processing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Processing runs the projections without knowing them: they name their group, processing owns the names. */
class ProcessingArchitectureTest {

    private final JavaClasses query = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.roadmapledger.query");

    @Test
    void processing_depends_on_no_projection() {
        noClasses().that().resideInAPackage("org.roadmapledger.query.processing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.roadmapledger.query.objective..",
                        "org.roadmapledger.query.history..", "org.roadmapledger.query.roadmap..")
                .check(query);
    }
}
