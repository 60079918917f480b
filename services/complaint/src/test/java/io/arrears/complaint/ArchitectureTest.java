package io.arrears.complaint;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.arrears.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.classesOf("io.arrears.complaint");

    @Test
    void noFeaturePackageDependsBackOnOneThatDependsOnIt() {
        ArchitectureRules.noPackageCycles(classes, "io.arrears.complaint");
    }

    @Test
    void onlyRestSpeaksHttp() {
        ArchitectureRules.webOnlyInRest(classes, "io.arrears.complaint");
    }

    @Test
    void consumersOnlyCallServices() {
        ArchitectureRules.consumersOnlyCallServices(classes, "io.arrears.complaint");
    }

    @Test
    void theDomainIsPlainJava() {
        ArchitectureRules.plainJava(classes, "..complaint.sla..");
    }

    @Test
    void theRulesArePlainJava() {
        classes().that().haveSimpleNameEndingWith("State").or().haveSimpleName("BusinessCalendar").or().haveSimpleName("SlaPolicy")
                .or().haveSimpleName("BreachCheck").or().haveSimpleName("ContactRules").or().haveSimpleName("Contact")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.arrears.complaint..", "io.arrears.events..")
                .check(classes);
    }

}
