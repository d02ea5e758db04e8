package com.makcrm.core;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.makcrm.core.i18n.Message;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Module boundaries of crm-core (HANDBOOK §3): headless, framework-light, feature packages without cycles. */
@AnalyzeClasses(packages = "com.makcrm.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String AUTOCONFIGURE = "com.makcrm.core.autoconfigure..";
    private static final String PIPELINE = "com.makcrm.core.pipeline..";

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
            .resideOutsideOfPackages(AUTOCONFIGURE, PIPELINE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..");

    // pipelines are Spring Data JPA (issue 3 §8), used as plain libraries: repositories, JPA transactions,
    // exceptions. No application context, no Boot: those stay in the auto-configuration.
    @ArchTest
    static final ArchRule pipelinesUseSpringDataButNoContext = noClasses()
            .that()
            .resideInAPackage(PIPELINE)
            .should()
            .dependOnClassesThat(resideInAPackage("org.springframework..")
                    .and(resideInAnyPackage(
                                    "org.springframework.data..",
                                    "org.springframework.orm..",
                                    "org.springframework.transaction..",
                                    "org.springframework.dao..")
                            .negate()));

    // records, search, import and export stay on JDBC; JPA and Hibernate live only where pipelines are
    @ArchTest
    static final ArchRule onlyPipelinesUseJpa = noClasses()
            .that()
            .resideOutsideOfPackages(AUTOCONFIGURE, PIPELINE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "org.hibernate..");

    // error and i18n are the two kernel packages every feature uses: CrmException carries a translatable Message
    // (a plain value record) while i18n throws CrmException and names problem titles per ErrorCategory
    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("com.makcrm.core.(*)..")
            .should()
            .beFreeOfCycles()
            .ignoreDependency(resideInAPackage("com.makcrm.core.error.."), equivalentTo(Message.class));
}
