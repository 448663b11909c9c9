package com.coursedesk;

import com.coursedesk.ui.common.UiThread;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.conditions.ArchConditions;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the layers honest by reading the compiled classes of {@code src/main}: the core has no
 * JavaFX (so the command line and the tests stand on it without a toolkit), view-models have no
 * scene graph (so they are tested without one), the domain knows no storage or UI, and the
 * sandbox billing server stays a separate program that only the composition root starts.
 */
class ArchitectureTest {

    private static final String BASE = "com.coursedesk";
    private static final String DOMAIN = BASE + ".domain..";
    private static final String SERVICE = BASE + ".service..";
    private static final String DATA = BASE + ".data..";
    private static final String DATA_API = BASE + ".data.api..";
    private static final String PLATFORM = BASE + ".platform..";
    private static final String SANDBOX = BASE + ".sandbox..";
    private static final String UI = BASE + ".ui..";
    private static final String APP = BASE + ".app..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // The folder (or jar) Main was compiled into: exactly src/main, wherever the build
        // directory is (ArchUnit's own "no tests" option only knows target/test-classes).
        URI mainClasses;
        try {
            mainClasses = Main.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        classes = new ClassFileImporter().importPath(Path.of(mainClasses));
        assertThat(classes.contain(Main.class)).as("imported the main classes from %s", mainClasses).isTrue();
    }

    @Test
    void coreLayersDoNotUseJavaFx() {
        ArchRule rule = noClasses().that().resideInAnyPackage(DOMAIN, SERVICE, DATA, PLATFORM, SANDBOX)
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the core runs without a toolkit (command line, tests); only ui/ and app/ use JavaFX");
        rule.check(classes);
    }

    @Test
    void viewModelsDoNotUseTheSceneGraph() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..")
                .because("view-models are unit-tested without a toolkit; javafx.beans and javafx.collections are fine")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void viewModelsDoNotKnowTheirViews() {
        ArchRule rule = noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("View")
                .because("the view binds to the view-model, never the other way round")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void onlyUiThreadCrossesToTheFxThread() {
        ArchRule rule = noClasses().that().doNotHaveFullyQualifiedName(UiThread.class.getName())
                .should(USE_RUN_LATER)
                .because("updates cross to the FX thread in one place: take a UiThread or a TaskRunner");
        rule.check(classes);
        // The check sees method references too: UiThread's own Platform::runLater is found.
        assertThat(noClasses().should(USE_RUN_LATER).evaluate(classes).getFailureReport().getDetails())
                .anyMatch(line -> line.contains(UiThread.class.getName()));
    }

    private static final ArchCondition<JavaClass> USE_RUN_LATER =
            ArchConditions.accessTargetWhere(DescribedPredicate.describe("Platform.runLater",
                    (JavaAccess<?> access) -> access.getTargetOwner().isEquivalentTo(Platform.class)
                            && access.getName().equals("runLater")))
                    .as("use Platform.runLater");

    @Test
    void domainDependsOnNoOtherLayer() {
        ArchRule rule = noClasses().that().resideInAPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(DATA, SERVICE, UI, APP, SANDBOX)
                .because("the domain is records and rules, shared by every other layer");
        rule.check(classes);
    }

    @Test
    void dataDoesNotDependOnServicesOrUi() {
        ArchRule rule = noClasses().that().resideInAPackage(DATA)
                .should().dependOnClassesThat().resideInAnyPackage(SERVICE, UI, APP)
                .because("storage and the API client sit below the use cases");
        rule.check(classes);
    }

    @Test
    void uiDoesNotSeeApiDtos() {
        ArchRule rule = noClasses().that().resideInAPackage(UI)
                .should().dependOnClassesThat().resideInAPackage(DATA_API)
                .because("JSON DTOs never leak past the service layer")
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void sandboxDoesNotDependOnTheClient() {
        ArchRule rule = noClasses().that().resideInAPackage(SANDBOX)
                .should().dependOnClassesThat().resideInAnyPackage(DATA, SERVICE, UI, APP)
                .because("the sandbox stands for the provider's server: it shares no code with the client");
        rule.check(classes);
    }

    @Test
    void onlyTheCompositionRootAndMainStartTheSandbox() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(SANDBOX, APP)
                .and().doNotHaveFullyQualifiedName(BASE + ".Main")
                .should().dependOnClassesThat().resideInAPackage(SANDBOX)
                .because("the client talks to any billing server over HTTP; only app/ starts the demo sandbox"
                        + " and Main dispatches the `sandbox` command");
        rule.check(classes);
    }
}
