package io.arrears.account;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.arrears.account.ledger.AccountPlan;
import io.arrears.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.classesOf("io.arrears.account");

    @Test
    void noFeaturePackageDependsBackOnOneThatDependsOnIt() {
        ArchitectureRules.noPackageCycles(classes, "io.arrears.account");
    }

    @Test
    void onlyRestSpeaksHttp() {
        ArchitectureRules.webOnlyInRest(classes, "io.arrears.account");
    }

    @Test
    void consumersOnlyCallServices() {
        ArchitectureRules.consumersOnlyCallServices(classes, "io.arrears.account");
    }

    @Test
    void theDomainIsPlainJava() {
        ArchitectureRules.plainJava(classes, "..account.domain..");
    }

    @Test
    void aPlanChangesStatusOnlyThroughItsTransitionTable() {
        noClasses().that().doNotHaveFullyQualifiedName(AccountPlan.class.getName())
                .should().setField(AccountPlan.class, "status")
                .because("a plan ends once, through AccountPlan.moveTo")
                .check(classes);
    }

    @Test
    void resourcesReadThroughServicesNotRepositories() {
        noClasses().that().resideInAPackage("..account.rest..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(classes);
    }
}
