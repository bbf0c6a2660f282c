package dev.orderflow.shipping;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.orderflow.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** This service's layout, checked on its compiled classes (no infrastructure). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = ArchitectureRules.productionClassesOf("shipping");

    @Test
    void neverImportsAnotherService() {
        ArchitectureRules.servicesNeverImportEachOther("shipping").check(CLASSES);
    }

    @Test
    void domainIsFreeOfFrameworkAndMessagingTypes() {
        ArchitectureRules.domainIsFreeOfFrameworkAndMessagingTypes("shipping").check(CLASSES);
    }

    @Test
    void neverReferencesTheLab() {
        ArchitectureRules.noReferenceToTheLab("dev.orderflow.shipping").check(CLASSES);
    }
}
