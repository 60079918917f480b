package io.arrears.contact;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.arrears.contact");

    @Test
    void theComplianceGuardIsPlainJavaThatCanBeReadAsTheRules() {
        noClasses().that().resideInAPackage("..contact.guard..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..", "io.smallrye..",
                        "org.apache.kafka..", "..contact.dispatch..", "..contact.customer..", "..contact.channel..")
                .check(classes);
    }

    @Test
    void adaptersOnlySpeakTheirProtocolAndNeverDecideOrRecord() {
        noClasses().that().resideInAPackage("..contact.channel..")
                .should().dependOnClassesThat().resideInAnyPackage("..contact.dispatch..", "..contact.guard..", "org.hibernate..",
                        "io.arrears.messaging..")
                .check(classes);
    }

    @Test
    void consumersOnlyCallServices() {
        noClasses().that().resideInAPackage("..contact.messaging..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveSimpleName("Outbox")
                .orShould().dependOnClassesThat().resideInAPackage("..contact.channel..")
                .check(classes);
    }
}
