package dev.assay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.assay.base.SystemAuthentication;
import dev.assay.staff.StaffService;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module structure, enforced: each module uses only the modules (and their named interfaces) its
 * {@code package-info} allows, so the flow taskbank → invitation → attempt → review → ranking cannot grow a
 * back edge; ports (unguarded module-to-module interfaces) are not reachable from views; and only demo data,
 * which runs at start-up before any request, ever acts under another identity.
 */
class ModularityTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.assay");

    @Test
    void modulesUseOnlyTheirAllowedDependenciesAndHaveNoCycles() {
        ApplicationModules.of(AssayApplication.class).verify();
    }

    @Test
    void viewsNeverUseAPort() {
        noClasses().that().resideInAPackage("dev.assay..ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.assay..port..")
                .because("ports check no caller: people reach a module through its guarded services")
                .check(CLASSES);
    }

    @Test
    void nothingDependsOnDemoData() {
        noClasses().that().resideOutsideOfPackage("dev.assay.demo..")
                .should().dependOnClassesThat().resideInAPackage("dev.assay.demo..")
                .because("demo data may be left out of a production build")
                .check(CLASSES);
    }

    @Test
    void onlyDemoDataSwitchesIdentity() {
        noClasses().that().resideOutsideOfPackages("dev.assay.demo..", "dev.assay.base")
                .should().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                        com.tngtech.archunit.base.DescribedPredicate.describe("an identity switch",
                                t -> (t.getOwner().isEquivalentTo(SystemAuthentication.class)
                                        && (t.getName().equals("callAs") || t.getName().equals("runAs")))
                                        || (t.getOwner().isEquivalentTo(StaffService.class)
                                        && t.getName().equals("callAsStaff")))))
                .because("modules call each other through ports, never by acting as someone else inside a request")
                .check(CLASSES);
    }

    @Test
    void onlyTheFairnessServiceReadsSelfIdentificationAnswers() {
        noClasses().that().resideOutsideOfPackages("dev.assay.attempt", "dev.assay.attempt.internal",
                        "dev.assay.attempt.selfid", "dev.assay.fairness")
                .should().dependOnClassesThat().resideInAPackage("dev.assay.attempt.selfid..")
                .because("answers are read only to be counted; no view, and no other module, may read them")
                .check(CLASSES);
    }
}
