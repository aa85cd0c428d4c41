package fr.certiflow.production;

import fr.certiflow.identity.Groups;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.EngineErrors;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The coordinator's admissibility check ({@link AdmissibilityDecisions}): on creation, what the task shows; as the form
 * is submitted, the decision checked; on completion, the decision recorded and handed to the process, the reason of a
 * return only as a transient variable for the step that mails it (the production and the task keep it).
 */
@Component("admissibilityTaskListener")
public class AdmissibilityTaskListener implements TaskListener, SubmissionCheck {

    private final ProductionContexts contexts;
    private final AdmissibilityDecisions decisions;

    AdmissibilityTaskListener(ProductionContexts contexts, AdmissibilityDecisions decisions) {
        this.contexts = contexts;
        this.decisions = decisions;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.CHECK_ADMISSIBILITY);
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            AdmissibilityDecisions.AdmissibilityView view = decisions.view(contexts.of(task));
            task.setVariableLocal(Variables.DOCUMENTS_SUMMARY, view.documentsSummary());
            task.setVariableLocal(Variables.PRODUCTION_CONSOLE, view.productionConsole());
            if (view.languageSummary() != null) {
                task.setVariableLocal(Variables.LANGUAGE_CHECK_SUMMARY, view.languageSummary());
            }
            task.setVariableLocal(Variables.REQUIRED_CONTENTS_OPTIONS, view.requiredContents().options());
            return;
        }
        requireCoordinator(task);
        AdmissibilityDecisions.AdmissibilityOutcome outcome = EngineErrors.forForm(null,
                () -> decisions.decide(contexts.of(task), contexts.members(task), form(task)));
        if (!outcome.admissible()) {
            // Read by the return step in this same transaction (no wait state between them): nothing to keep.
            task.getExecution().setVariable(Variables.RETURN_REASON,
                    org.camunda.bpm.engine.variable.Variables.stringValue(outcome.returnReason(), true));
        }
        task.getExecution().setVariable(Variables.ADMISSIBILITY, task.getVariableLocal(Variables.ADMISSIBILITY));
    }

    @Override
    public void check(DelegateTask task) {
        requireCoordinator(task);
        EngineErrors.forForm(() -> decisions.check(contexts.of(task), contexts.members(task), form(task)));
    }

    private static void requireCoordinator(DelegateTask task) {
        TaskActors.requireMember(task, Groups.COORDINATORS, "Seul un coordinateur décide de la recevabilité d'une production.");
    }

    private static AdmissibilityDecisions.AdmissibilityForm form(DelegateTask task) {
        return new AdmissibilityDecisions.AdmissibilityForm(task.getVariableLocal(Variables.ADMISSIBILITY),
                task.getVariableLocal(Variables.RETURN_REASON), task.getVariableLocal(Variables.REQUIRED_CONTENTS_PRESENT),
                task.getVariableLocal(Variables.ADMISSIBLE_DESPITE_MISSING));
    }
}
