package com.makcrm.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Module boundaries of crm-core (HANDBOOK §3): headless, framework-light, feature packages without cycles. */
@AnalyzeClasses(packages = "com.makcrm.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreHasNoWebOrServletCode = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.web..",
                    "jakarta.servlet..",
                    "org.springframework.http..",
                    "com.makcrm.server..",
                    "com.makcrm.cli..");

    @ArchTest
    static final ArchRule onlyTheAutoConfigurationUsesSpring = noClasses()
            .that()
            .resideOutsideOfPackage("com.makcrm.core.autoconfigure..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles =
            slices().matching("com.makcrm.core.(*)..").should().beFreeOfCycles();
}
