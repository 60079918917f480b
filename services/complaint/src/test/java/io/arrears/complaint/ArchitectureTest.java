package io.arrears.complaint;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses imported = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.arrears.complaint");

    @Test
    void theRulesArePlainJava() {
        classes().that().haveSimpleNameEndingWith("State").or().haveSimpleName("BusinessCalendar").or().haveSimpleName("SlaPolicy")
                .or().haveSimpleName("BreachCheck").or().haveSimpleName("ContactRules").or().haveSimpleName("Contact")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.arrears.complaint..", "io.arrears.events..")
                .check(imported);
    }

    @Test
    void consumersOnlyCallServices() {
        noClasses().that().resideInAPackage("..complaint.messaging..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveSimpleName("Outbox")
                .check(imported);
    }
}
