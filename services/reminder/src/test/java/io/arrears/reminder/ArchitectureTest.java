package io.arrears.reminder;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.arrears.reminder.cases.PromiseToPay;
import io.arrears.reminder.cases.RepaymentPlan;
import io.arrears.reminder.schedule.ScheduledStep;
import io.arrears.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.classesOf("io.arrears.reminder");

    @Test
    void noFeaturePackageDependsBackOnOneThatDependsOnIt() {
        ArchitectureRules.noPackageCycles(classes, "io.arrears.reminder");
    }

    @Test
    void onlyRestSpeaksHttp() {
        ArchitectureRules.webOnlyInRest(classes, "io.arrears.reminder");
    }

    @Test
    void consumersOnlyCallServices() {
        ArchitectureRules.consumersOnlyCallServices(classes, "io.arrears.reminder");
    }

    @Test
    void theDomainIsPlainJava() {
        ArchitectureRules.plainJava(classes, "..reminder.strategy..", "..reminder.negotiation..");
    }

    @Test
    void strategyAndNegotiationRulesKnowNothingOfCasesOrSteps() {
        noClasses().that().resideInAnyPackage("..reminder.strategy..", "..reminder.negotiation..")
                .should().dependOnClassesThat().resideInAnyPackage("..reminder.cases..", "..reminder.schedule..", "..reminder.lifecycle..",
                        "..reminder.agent..", "..reminder.rest..")
                .check(classes);
    }

    @Test
    void promisesAndPlansChangeStatusOnlyThroughTheirTransitionTables() {
        noClasses().that().doNotHaveFullyQualifiedName(PromiseToPay.class.getName())
                .should().setField(PromiseToPay.class, "status")
                .because("a promise ends once, through PromiseToPay.moveTo")
                .check(classes);
        noClasses().that().doNotHaveFullyQualifiedName(RepaymentPlan.class.getName())
                .should().setField(RepaymentPlan.class, "status")
                .because("a plan ends once, through RepaymentPlan.moveTo")
                .check(classes);
    }

    @Test
    void aStepsStatusChangesOnlyThroughItsTransitionTable() {
        noClasses().that().doNotHaveFullyQualifiedName(ScheduledStep.class.getName())
                .should().setField(ScheduledStep.class, "status")
                .because("every change of status goes through ScheduledStep.moveTo, which refuses what StepStatus does not allow")
                .check(classes);
    }
}
