package io.arrears.agency;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.arrears.agency.actions.AgencyActionRow;
import io.arrears.agency.placement.Placement;
import io.arrears.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.classesOf("io.arrears.agency");

    @Test
    void noFeaturePackageDependsBackOnOneThatDependsOnIt() {
        ArchitectureRules.noPackageCycles(classes, "io.arrears.agency");
    }

    @Test
    void onlyRestSpeaksHttp() {
        ArchitectureRules.webOnlyInRest(classes, "io.arrears.agency");
    }

    @Test
    void consumersOnlyCallServices() {
        ArchitectureRules.consumersOnlyCallServices(classes, "io.arrears.agency");
    }

    @Test
    void theRulesArePlainJava() {
        classes().that().haveSimpleName("PlacementRules").or().haveSimpleName("ActionGate").or().haveSimpleName("CommissionStatement")
                .or().haveSimpleName("AgencyTerms").or().haveSimpleNameEndingWith("Status")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.arrears.agency..", "io.arrears.events..", "io.arrears.rules..")
                .check(classes);
    }

    @Test
    void statusesChangeOnlyThroughTheirTransitionTables() {
        noClasses().that().doNotHaveFullyQualifiedName(Placement.class.getName()).should().setField(Placement.class, "status").check(classes);
        noClasses().that().doNotHaveFullyQualifiedName(AgencyActionRow.class.getName()).should().setField(AgencyActionRow.class, "status")
                .check(classes);
    }
}
