package fr.certiflow;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@AnalyzeClasses(packages = "fr.certiflow", importOptions = ImportOption.DoNotIncludeTests.class)
@Tag("unit")
class ArchitectureTests {

    private static final List<String> FOUNDATION = List.of("errors", "referential", "regulation", "process", "identity",
            "tabular", "web", "notification");

    /**
     * Every module (a package under {@code fr.certiflow}), from the bottom up, with the modules it may use:
     * docs/modules.md says the same, line by line ({@code ModulesDocumentationTests}).
     */
    static final Map<String, List<String>> MODULES = modules();

    private static Map<String, List<String>> modules() {
        Map<String, List<String>> modules = new LinkedHashMap<>();
        modules.put("errors", List.of());
        modules.put("referential", List.of("errors"));
        modules.put("regulation", List.of("referential"));
        modules.put("process", List.of("errors", "referential", "regulation"));
        modules.put("identity", List.of("process"));
        modules.put("tabular", List.of("errors"));
        modules.put("web", List.of("errors", "tabular"));
        modules.put("notification", List.of("errors"));
        modules.put("operations", FOUNDATION);
        modules.put("campaign", FOUNDATION);
        modules.put("production", above("campaign"));
        modules.put("jury", above("campaign", "production"));
        modules.put("evaluation", above("campaign", "production", "jury"));
        modules.put("grid", above("campaign", "production", "jury", "evaluation"));
        modules.put("deliberation", above("campaign", "production", "jury"));
        modules.put("progress", above("campaign", "production", "deliberation"));
        modules.put("documents", above("campaign", "production", "jury", "evaluation", "grid", "deliberation", "progress"));
        modules.put("console", above("campaign", "production", "jury", "progress"));
        modules.put("demo", above("campaign", "production", "jury"));
        return modules;
    }

    private static List<String> above(String... features) {
        return java.util.stream.Stream.concat(FOUNDATION.stream(), java.util.Arrays.stream(features)).toList();
    }

    @ArchTest
    static final ArchRule the_referential_model_knows_no_framework = noClasses()
            .that().resideInAPackage("..referential.model..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta.persistence..")
            .because("the référentiel is plain data that every feature, test and tool reads without a container");

    @ArchTest
    static final ArchRule the_referential_knows_no_other_feature = noClasses()
            .that().resideInAPackage("fr.certiflow.referential..")
            .should().dependOnClassesThat(resideInAPackage("fr.certiflow..").and(resideOutsideOfPackage("fr.certiflow.referential.."))
                    .and(resideOutsideOfPackage("fr.certiflow.errors..")))
            .because("campaigns, processes, grids and the règlement depend on the référentiel, never the other way round "
                    + "(the domain errors are no feature: every module may throw them)");

    @ArchTest
    static final ArchRule modules_form_no_cycle = slices().matching("fr.certiflow.(*)..")
            .should().beFreeOfCycles()
            .because("a module that a lower one reaches back into can no longer be changed, tested or understood on its "
                    + "own: the lower module owns a small interface that the upper one implements (docs/modules.md)");

    @ArchTest
    static final ArchRule every_class_belongs_to_a_known_module = classes()
            .that().resideOutsideOfPackage("fr.certiflow")
            .should().resideInAnyPackage(MODULES.keySet().stream().map(module -> "fr.certiflow." + module + "..").toArray(String[]::new))
            .because("a new package takes its place in the layering (ArchitectureTests.MODULES and docs/modules.md) before it is used");

    @ArchTest
    static final ArchRule each_module_uses_only_the_modules_below_it = layers()
            .because("the layering of docs/modules.md keeps the référentiel and the règlement at the bottom, the features "
                    + "above them, and the console and the demo on top");

    @ArchTest
    static final ArchRule only_the_web_edge_speaks_http_statuses = noClasses()
            .that().resideOutsideOfPackages("fr.certiflow.web..", "fr.certiflow.identity..", "fr.certiflow.console..")
            .and().areNotAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(HttpStatusCode.class)
            .orShould().dependOnClassesThat().areAssignableTo(ResponseStatusException.class)
            .because("services and process glue throw domain errors (fr.certiflow.errors), which web.ApiErrors maps once to "
                    + "HTTP problems and process.EngineErrors once to form refusals, BPMN errors or incidents; a controller "
                    + "only chooses its success status (201, 202)");

    @ArchTest
    static final ArchRule only_security_throws_status_exceptions = noClasses()
            .that().resideOutsideOfPackages("fr.certiflow.web..", "fr.certiflow.identity..")
            .should().callConstructorWhere(target(owner(assignableTo(ResponseStatusException.class))))
            .because("a refusal is a domain error with its French message, mapped to a status in one place "
                    + "(web.DomainStatuses); only security answers 401 before any domain code runs");

    @ArchTest
    static final ArchRule errors_are_mapped_in_one_place_per_audience = methods()
            .that().areAnnotatedWith(ExceptionHandler.class)
            .should().beDeclaredInClassesThat().resideInAnyPackage("fr.certiflow.web..", "fr.certiflow.console..")
            .because("the API's problems are made by web.ApiErrors and the console's error pages by console.ConsoleErrors, "
                    + "never by one controller for itself");

    @ArchTest
    static final ArchRule domain_errors_know_neither_http_nor_the_engine = noClasses()
            .that().resideInAPackage("fr.certiflow.errors..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..", "jakarta..")
            .because("a domain error says what is refused and why, in French; HTTP and the engine each map it once");

    /**
     * The domain services that process glue calls, named one by one (the glue beside them touches the engine; these
     * must not): a new engine-free service joins the list. Class literals, so a rename cannot leave the rule checking
     * nothing.
     */
    static final List<String> ENGINE_FREE_SERVICES = Stream.of(
            fr.certiflow.production.AdmissibilityDecisions.class,
            fr.certiflow.production.LanguageChecks.class,
            fr.certiflow.production.OralSchedules.class,
            fr.certiflow.production.ProductionLookup.class,
            fr.certiflow.production.ProductionOpening.class,
            fr.certiflow.production.ProductionRecords.class,
            fr.certiflow.production.SittingMembers.class,
            fr.certiflow.jury.JuryAssignments.class,
            fr.certiflow.jury.ManualDesignations.class,
            fr.certiflow.evaluation.Consolidations.class,
            fr.certiflow.evaluation.GroupEvaluations.class,
            fr.certiflow.evaluation.Harmonisations.class,
            fr.certiflow.evaluation.JurorEvaluations.class,
            fr.certiflow.grid.JurorGrids.class,
            fr.certiflow.grid.GridFileNames.class,
            fr.certiflow.campaign.BlocAssessments.class,
            fr.certiflow.campaign.CampaignReadiness.class,
            fr.certiflow.campaign.CampaignResults.class,
            fr.certiflow.campaign.CampaignStarts.class,
            fr.certiflow.deliberation.BlocDeliberations.class,
            fr.certiflow.deliberation.BlocProposals.class,
            fr.certiflow.deliberation.CertificationDecisions.class,
            fr.certiflow.deliberation.CertificationDeliberation.class,
            fr.certiflow.deliberation.CertificationJuries.class,
            fr.certiflow.deliberation.CertificationJuryPolicies.class,
            fr.certiflow.deliberation.CertificationJuryPolicy.class)
            .map(Class::getName).toList();

    @ArchTest
    static final ArchRule engine_free_services_know_no_engine = noClasses()
            .that(DescribedPredicate.describe("are engine-free services (or nested in one)",
                    (JavaClass type) -> ENGINE_FREE_SERVICES.contains(type.getName().replaceFirst("\\$.*", ""))))
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("process glue reads the engine's variables and calls one domain service; the rules live in services "
                    + "that plain unit tests exercise without an engine (issue 18)");

    private static LayeredArchitecture layers() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String module : MODULES.keySet()) {
            layers = layers.layer(module).definedBy("fr.certiflow." + module + "..");
        }
        for (Map.Entry<String, List<String>> module : MODULES.entrySet()) {
            layers = module.getValue().isEmpty()
                    ? layers.whereLayer(module.getKey()).mayNotAccessAnyLayer()
                    : layers.whereLayer(module.getKey()).mayOnlyAccessLayers(module.getValue().toArray(String[]::new));
        }
        return layers;
    }
}
