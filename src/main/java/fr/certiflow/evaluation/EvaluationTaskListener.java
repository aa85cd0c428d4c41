package fr.certiflow.evaluation;

import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.EngineErrors;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import fr.certiflow.production.ProductionContexts;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Service;

/**
 * A juror's evaluation task, bound to a designation rather than to anything a user can send: the production is the one
 * the process instance's business key names, the juror the one the evaluation multi-instance designated (its element
 * variable). The rules are {@link JurorEvaluations}'. What a juror submits stays on their own task (see
 * {@link SubmissionCheck}), so no other juror sees it before consolidation.
 */
@Service("evaluationTaskListener")
public class EvaluationTaskListener implements TaskListener, SubmissionCheck {

    private final JurorEvaluations evaluations;
    private final ProductionContexts contexts;

    EvaluationTaskListener(JurorEvaluations evaluations, ProductionContexts contexts) {
        this.evaluations = evaluations;
        this.contexts = contexts;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.EVALUATE_PRODUCTION);
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> {
                JurorEvaluations.Opening opening = evaluations.open(contexts.production(task).getId(), task.getAssignee());
                opening.vaeRoute().ifPresent(vae -> {
                    task.setVariableLocal(Variables.VAE_ROUTE, true);
                    task.setVariableLocal(Variables.ROUTE, vae.route());
                    task.setVariableLocal(Variables.VAE_MODALITY, vae.modality());
                });
                task.setVariableLocal(Variables.DOCUMENTS_SUMMARY, opening.documents());
                opening.gridLink().ifPresent(link -> task.setVariableLocal(Variables.GRID_LINK, link));
                opening.admissibilityNote().ifPresent(note -> task.setVariableLocal(Variables.ADMISSIBILITY_NOTE, note));
            }
            case TaskListener.EVENTNAME_ASSIGNMENT -> EngineErrors.forForm(() ->
                    JurorEvaluations.keptByDesignatedJuror(designatedJuror(task), task.getAssignee()));
            case TaskListener.EVENTNAME_COMPLETE -> EngineErrors.forForm(() -> evaluations.record(
                    contexts.production(task).getId(), submission(task),
                    ProcessVariables.local(task).string(Variables.EVALUATION_CHANNEL).orElse(null)));
            default -> {
            }
        }
    }

    @Override
    public void check(DelegateTask task) {
        EngineErrors.forForm(() -> evaluations.check(contexts.production(task).getId(), submission(task)));
    }

    /** The juror's submission as the task holds it: its designated juror, assignee, actor and form values. */
    static JurorEvaluations.Submission submission(DelegateTask task) {
        return new JurorEvaluations.Submission(designatedJuror(task), task.getAssignee(),
                TaskActors.current(task).map(user -> user.getUserId()), task.getVariablesLocal());
    }

    /** The juror the multi-instance designated (its element variable). */
    static String designatedJuror(DelegateTask task) {
        return ProcessVariables.local(task.getExecution()).string(Variables.JUROR).filter(juror -> !juror.isBlank())
                .orElseThrow(() -> new IllegalStateException("Evaluation task " + task.getId() + " has no designated juror"));
    }
}
