package io.arrears.testing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules every service's layout keeps (CONTRIBUTING.md explains them), in one place so that they
 * cannot drift apart between services. Each service's ArchitectureTest calls them on its own classes.
 */
public final class ArchitectureRules {

    /** Frameworks a domain package must not know: it is plain Java, tested without a container. */
    private static final String[] FRAMEWORKS = {"jakarta..", "io.quarkus..", "org.hibernate..", "io.smallrye..", "org.apache.kafka..",
            "io.micrometer..", "io.vertx..", "org.eclipse.microprofile.."};
    /** What belongs to the web edge: JAX-RS, OpenAPI annotations, and the problem bodies of libs/web. */
    private static final String[] WEB = {"jakarta.ws.rs..", "org.jboss.resteasy..", "org.eclipse.microprofile.openapi.."};

    private ArchitectureRules() {
    }

    /** The service's own main classes under {@code root} (e.g. {@code io.arrears.contact}). */
    public static JavaClasses classesOf(String root) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(root);
    }

    /** No feature package depends, directly or through others, on one that depends back on it. */
    public static void noPackageCycles(JavaClasses classes, String root) {
        slices().matching(root + ".(*)..").namingSlices("package $1").should().beFreeOfCycles().check(classes);
    }

    /** The domain packages are plain Java. */
    public static void plainJava(JavaClasses classes, String... domainPackages) {
        noClasses().that().resideInAnyPackage(domainPackages)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("a domain rule reads as plain Java and is tested without a container")
                .check(classes);
    }

    /** REST resources, their request bodies and web exceptions live in {@code rest}; nothing else speaks HTTP. */
    public static void webOnlyInRest(JavaClasses classes, String root) {
        noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".rest..")
                .should().dependOnClassesThat().resideInAnyPackage(WEB)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.arrears.web.InvalidRequestException")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.arrears.web.ConflictException")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.arrears.web.Problem")
                .because("rules refuse with named domain errors; only rest/ turns them into HTTP")
                .check(classes);
    }

    /** Consumers call one service operation each; they neither query nor publish themselves. */
    public static void consumersOnlyCallServices(JavaClasses classes, String root) {
        noClasses().that().resideInAPackage(root + ".messaging..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveSimpleName("Outbox")
                .check(classes);
    }
}
