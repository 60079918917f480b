package io.arrears.contact;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.arrears.contact.dispatch.ContactAttempt;
import io.arrears.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.classesOf("io.arrears.contact");

    @Test
    void noFeaturePackageDependsBackOnOneThatDependsOnIt() {
        ArchitectureRules.noPackageCycles(classes, "io.arrears.contact");
    }

    @Test
    void onlyRestSpeaksHttp() {
        ArchitectureRules.webOnlyInRest(classes, "io.arrears.contact");
    }

    @Test
    void consumersOnlyCallServices() {
        ArchitectureRules.consumersOnlyCallServices(classes, "io.arrears.contact");
    }

    @Test
    void theSharedContactRulesArePlainJava() {
        ArchitectureRules.plainJava(ArchitectureRules.classesOf("io.arrears.rules"), "io.arrears.rules");
    }

    @Test
    void adaptersOnlySpeakTheirProtocolAndNeverDecideOrRecord() {
        noClasses().that().resideInAPackage("..contact.channel..")
                .should().dependOnClassesThat().resideInAnyPackage("..contact.dispatch..", "io.arrears.rules..", "org.hibernate..",
                        "io.arrears.messaging..")
                .check(classes);
    }

    @Test
    void anAttemptsStatusChangesOnlyThroughItsTransitionTable() {
        noClasses().that().doNotHaveFullyQualifiedName(ContactAttempt.class.getName())
                .should().setField(ContactAttempt.class, "status")
                .because("every change of status goes through ContactAttempt.moveTo, which refuses what AttemptStatus does not allow")
                .check(classes);
    }
}
