package dev.orderflow.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layout rules every service is built to (docs: shared/STYLE.md), as ArchUnit rules each
 * service's {@code ArchitectureTest} checks against its own production classes.
 */
public final class ArchitectureRules {
    /** The four services' root packages. */
    public static final List<String> SERVICES = List.of("order", "inventory", "payment", "shipping");

    private ArchitectureRules() {}

    /** The production classes of one service ({@code dev.orderflow.<service>}), tests left out. */
    public static JavaClasses productionClassesOf(String service) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.orderflow." + service);
    }

    /** A service talks to the others through events and their contracts only, never through their code. */
    public static ArchRule servicesNeverImportEachOther(String service) {
        String[] others = SERVICES.stream()
                .filter(other -> !other.equals(service))
                .map(other -> "dev.orderflow." + other + "..")
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage("dev.orderflow." + service + "..")
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services are separate deployables that share events, not code");
    }

    /** The domain is plain Java (JPA mapping annotations allowed): no CDI, REST, messaging or Quarkus types. */
    public static ArchRule domainIsFreeOfFrameworkAndMessagingTypes(String service) {
        return noClasses().that().resideInAPackage("dev.orderflow." + service + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "jakarta.enterprise..", "jakarta.inject..", "jakarta.transaction..", "jakarta.ws.rs..",
                        "io.quarkus..", "io.smallrye..", "org.eclipse.microprofile..", "org.apache.kafka..",
                        "dev.orderflow.messaging..", "dev.orderflow.events..")
                .because("the domain (entities, state tables) is what is tested with plain JUnit and copied as is");
    }

    /** Template code never reaches into the lab: a copier deletes the lab and everything still compiles. */
    public static ArchRule noReferenceToTheLab(String rootPackage) {
        return noClasses().that().resideInAPackage(rootPackage + "..")
                .and().resideOutsideOfPackage("dev.orderflow.messaging.lab..")
                .should().dependOnClassesThat().resideInAPackage("dev.orderflow.messaging.lab..")
                .because("the lab (naive variants, fault points) is left behind by whoever copies the template");
    }
}
