package dev.orderflow.inventory;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.orderflow.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** This service's layout, checked on its compiled classes (no infrastructure). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = ArchitectureRules.productionClassesOf("inventory");

    @Test
    void neverImportsAnotherService() {
        ArchitectureRules.servicesNeverImportEachOther("inventory").check(CLASSES);
    }

    @Test
    void domainIsFreeOfFrameworkAndMessagingTypes() {
        ArchitectureRules.domainIsFreeOfFrameworkAndMessagingTypes("inventory").check(CLASSES);
    }

    @Test
    void neverReferencesTheLab() {
        ArchitectureRules.noReferenceToTheLab("dev.orderflow.inventory").check(CLASSES);
    }
}
