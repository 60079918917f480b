package io.arrears.reminder;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.arrears.reminder");

    @Test
    void strategyAndNegotiationRulesArePlainJava() {
        noClasses().that().resideInAnyPackage("..reminder.strategy..", "..reminder.negotiation..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "io.smallrye..", "org.apache.kafka..", "..reminder.cases..", "..reminder.schedule..", "..reminder.agent..")
                .check(classes);
    }

    @Test
    void consumersOnlyCallServices() {
        noClasses().that().resideInAPackage("..reminder.messaging..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveSimpleName("Outbox")
                .check(classes);
    }
}
