package fr.certiflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "fr.certiflow", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule the_referential_model_knows_no_framework = noClasses()
            .that().resideInAPackage("..referential.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta.persistence..")
            .because("the référentiel is plain data that every feature, test and tool reads without a container");

    @ArchTest
    static final ArchRule the_referential_knows_no_other_feature = noClasses()
            .that().resideInAPackage("fr.certiflow.referential..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.certiflow.identity..")
            .because("campaigns, processes and grids depend on the référentiel, never the other way round");
}
