package io.arrears.console;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.arrears.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * The console's shape: feature packages (agent, supervisor, complaints, session) over a shared frame (pages)
 * and the service clients, no cycles; what a page computes from the services' answers is plain Java.
 */
class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.classesOf("io.arrears.console");

    @Test
    void noFeaturePackageDependsBackOnOneThatDependsOnIt() {
        ArchitectureRules.noPackageCycles(classes, "io.arrears.console");
    }

    @Test
    void whatPagesComputeIsPlainJava() {
        classes().that().haveSimpleName("Bars").or().haveSimpleName("Crosstab").or().haveSimpleName("SlaClock")
                .or().haveSimpleName("TimelineLine").or().haveSimpleName("Views")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.arrears.console..")
                .check(classes);
    }

    @Test
    void onlyTheClientsCallTheServices() {
        classes().that().resideOutsideOfPackage("..clients..")
                .should().notBeAnnotatedWith(org.eclipse.microprofile.rest.client.inject.RegisterRestClient.class)
                .check(classes);
    }
}
