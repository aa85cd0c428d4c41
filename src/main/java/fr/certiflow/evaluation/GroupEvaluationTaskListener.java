package fr.certiflow.evaluation;

import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.EngineErrors;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.Variables;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Service;

/**
 * A juror's evaluation task at a group's sitting (the process instance's business key names the sitting): every member
 * of the group in one task, one section per member. The rules are {@link GroupEvaluations}'.
 */
@Service("groupEvaluationTaskListener")
public class GroupEvaluationTaskListener implements TaskListener, SubmissionCheck {

    private final GroupEvaluations evaluations;

    GroupEvaluationTaskListener(GroupEvaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.EVALUATE_GROUP);
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> {
                GroupEvaluations.Opening opening = evaluations.open(task.getExecution().getProcessBusinessKey(), task.getAssignee());
                task.setVariableLocal(Variables.MEMBER_COUNT, opening.memberCount());
                task.setVariableLocal(Variables.DOCUMENTS_SUMMARY, opening.documents());
                task.setVariablesLocal(opening.memberLabels());
                opening.gridLinks().ifPresent(links -> task.setVariableLocal(Variables.GRID_LINK, links));
                opening.admissibilityNote().ifPresent(note -> task.setVariableLocal(Variables.ADMISSIBILITY_NOTE, note));
            }
            case TaskListener.EVENTNAME_ASSIGNMENT -> EngineErrors.forForm(() -> JurorEvaluations.keptByDesignatedJuror(
                    EvaluationTaskListener.designatedJuror(task), task.getAssignee()));
            case TaskListener.EVENTNAME_COMPLETE -> EngineErrors.forForm(() -> evaluations.record(
                    task.getExecution().getProcessBusinessKey(), EvaluationTaskListener.submission(task)));
            default -> {
            }
        }
    }

    @Override
    public void check(DelegateTask task) {
        EngineErrors.forForm(() -> evaluations.check(task.getExecution().getProcessBusinessKey(),
                EvaluationTaskListener.submission(task)));
    }
}
