package fr.certiflow.production;

import org.camunda.bpm.engine.RuntimeService;

/**
 * The production glue built over given (mocked) services, for the engine-only process tests of other packages: the
 * glue's constructors are package-private, as Spring needs them.
 */
public final class ProductionGlue {

    private ProductionGlue() {
    }

    public static ProductionProcess productionProcess(ProductionOpening opening, ProductionRecords records,
            ProductionContexts contexts) {
        return new ProductionProcess(opening, records, contexts);
    }

    public static LanguageCheck languageCheck(ProductionContexts contexts, LanguageChecks checks) {
        return new LanguageCheck(contexts, checks);
    }

    public static AdmissibilityTaskListener admissibilityTaskListener(ProductionContexts contexts,
            AdmissibilityDecisions decisions) {
        return new AdmissibilityTaskListener(contexts, decisions);
    }

    public static OralSchedulingTaskListener oralSchedulingTaskListener(ProductionContexts contexts, OralSchedules schedules) {
        return new OralSchedulingTaskListener(contexts, schedules);
    }

    public static GroupSittings groupSittings(SittingMembers members, ProductionContexts contexts, RuntimeService runtime) {
        return new GroupSittings(members, contexts, runtime);
    }
}
