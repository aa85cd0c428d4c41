package fr.certiflow.evaluation;

import fr.certiflow.identity.Groups;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.EngineErrors;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import fr.certiflow.production.ProductionContexts;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Service;

/**
 * The jury president's harmonisation task. On create, the task gets the jurors' evaluations side by side and the
 * agreed ratings pre-filled; as the form is submitted, only a jury president decides, and {@link Harmonisations}
 * checks the ratings; on complete, they become the consolidated ones, with the president who retained them.
 */
@Service("harmonisationTaskListener")
public class HarmonisationTaskListener implements TaskListener, SubmissionCheck {

    private final Harmonisations harmonisations;
    private final ProductionContexts contexts;

    HarmonisationTaskListener(Harmonisations harmonisations, ProductionContexts contexts) {
        this.harmonisations = harmonisations;
        this.contexts = contexts;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.HARMONISE);
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            Harmonisations.Opening opening = harmonisations.open(contexts.production(task).getId());
            task.setVariablesLocal(opening.agreed());
            task.setVariableLocal(Variables.EVALUATIONS_SIDE_BY_SIDE, opening.sideBySide());
            task.setVariableLocal(Variables.DOCUMENTS_SUMMARY, opening.documents());
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            EngineErrors.forForm(() -> harmonisations.record(contexts.production(task).getId(), president(task),
                    task.getVariablesLocal()));
        }
    }

    @Override
    public void check(DelegateTask task) {
        EngineErrors.forForm(() -> harmonisations.retained(contexts.production(task).getId(), president(task),
                task.getVariablesLocal()));
    }

    /** Who decides: a jury president (or the task's assignee when Certiflow's own code completes it). */
    private static String president(DelegateTask task) {
        return TaskActors.requireMember(task, Groups.JURY_PRESIDENTS, "Seul un président de jury harmonise les évaluations.");
    }
}
