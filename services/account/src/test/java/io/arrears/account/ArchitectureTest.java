package io.arrears.account;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.arrears.account");

    @Test
    void theDomainIsPlainJava() {
        noClasses().that().resideInAPackage("..account.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "io.smallrye..", "org.apache.kafka..", "..account.repository..", "..account.service..")
                .check(classes);
    }

    @Test
    void consumersOnlyCallServices() {
        noClasses().that().resideInAPackage("..account.messaging..")
                .should().dependOnClassesThat().resideInAPackage("..account.repository..")
                .orShould().dependOnClassesThat().haveSimpleName("Outbox")
                .check(classes);
    }

    @Test
    void resourcesReadThroughServicesNotRepositories() {
        noClasses().that().resideInAPackage("..account.rest..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(classes);
    }
}
