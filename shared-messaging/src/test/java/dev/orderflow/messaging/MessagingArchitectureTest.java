package dev.orderflow.messaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * shared-messaging's packages depend one way (no cycles), and its template parts never reach into
 * the lab. The cyclic fixture under {@code archfixture} proves the cycle rule can fail.
 */
class MessagingArchitectureTest {
    private static final ImportOption PRODUCTION = ImportOption.Predefined.DO_NOT_INCLUDE_TESTS;

    private static ArchRule noCyclesBetweenPackagesOf(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** The services' ArchitectureTest checks the same rule (shared-testing's ArchitectureRules, which depends on this module). */
    private static ArchRule noReferenceToTheLab(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackage("dev.orderflow.messaging.lab..")
                .should().dependOnClassesThat().resideInAPackage("dev.orderflow.messaging.lab..");
    }

    @Test
    void packagesOfSharedMessagingHaveNoCycles() {
        JavaClasses classes = new ClassFileImporter().withImportOption(PRODUCTION).importPackages("dev.orderflow.messaging");
        noCyclesBetweenPackagesOf("dev.orderflow.messaging").check(classes);
    }

    @Test
    void templatePartsNeverReferenceTheLab() {
        JavaClasses classes = new ClassFileImporter().withImportOption(PRODUCTION).importPackages("dev.orderflow.messaging");
        noReferenceToTheLab("dev.orderflow.messaging").check(classes);
    }

    /** Services' domain packages use the verdict; it must stay as free of framework types as they are. */
    @Test
    void stateMachineVocabularyIsPlainJava() {
        JavaClasses classes = new ClassFileImporter().withImportOption(PRODUCTION).importPackages("dev.orderflow.statemachine");
        noClasses().that().resideInAPackage("dev.orderflow.statemachine..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "dev.orderflow.statemachine..")
                .check(classes);
    }

    @Test
    void cycleRuleFailsOnADeliberatelyCyclicFixture() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.orderflow.messaging.archfixture");
        assertThatThrownBy(() -> noCyclesBetweenPackagesOf("dev.orderflow.messaging.archfixture").check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void labRuleFailsOnAFixtureThatReferencesTheLab() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.orderflow.messaging.archfixture");
        assertThatThrownBy(() -> noReferenceToTheLab("dev.orderflow.messaging.archfixture").check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("dev.orderflow.messaging.lab");
    }
}
