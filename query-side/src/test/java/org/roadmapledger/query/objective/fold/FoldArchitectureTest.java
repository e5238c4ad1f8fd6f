package org.roadmapledger.query.objective.fold;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The fold is DESIGN's definition of an objective's state and nothing else: plain Java over the shared events, with
 * no framework, no storage and no other part of the query side, so it can be read, tested and trusted alone.
 */
class FoldArchitectureTest {

    private final JavaClasses fold = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.roadmapledger.query.objective.fold");

    @Test
    void the_fold_knows_no_framework_no_storage_and_no_other_part_of_the_query_side() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("org.roadmapledger.query.objective.fold..",
                        "org.roadmapledger.api..", "java..")
                .check(fold);
    }
}
