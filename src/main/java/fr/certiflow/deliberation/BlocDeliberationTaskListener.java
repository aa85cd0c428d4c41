package fr.certiflow.deliberation;

import fr.certiflow.identity.Groups;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.EngineErrors;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The jury president's bloc deliberation (see {@link BlocDeliberations} for the rules): checked as the form is
 * submitted (a jury president decides), recorded with its author on completion and handed to the process.
 */
@Component("blocDeliberationTaskListener")
public class BlocDeliberationTaskListener implements TaskListener, SubmissionCheck {

    private final BlocDeliberations deliberations;

    public BlocDeliberationTaskListener(BlocDeliberations deliberations) {
        this.deliberations = deliberations;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.DELIBERATE_BLOC);
    }

    @Override
    public void check(DelegateTask task) {
        BlocDeliberations.Submission submission = submission(task);
        EngineErrors.forForm(() -> deliberations.check(submission));
    }

    @Override
    public void notify(DelegateTask task) {
        ProcessVariables variables = ProcessVariables.of(task);
        BlocDeliberations.Submission submission = submission(task);
        String decision = EngineErrors.forForm(null, () -> deliberations.record(variables.campaignId(),
                variables.candidateId(), variables.blocCode(), submission));
        task.getExecution().setVariable(Variables.BLOC_DECISION, decision);
    }

    /** The form's values (task-local) and what the process knows, once a jury president is found to decide. */
    private static BlocDeliberations.Submission submission(DelegateTask task) {
        String decidedBy = TaskActors.requireMember(task, Groups.JURY_PRESIDENTS,
                "Seul un président de jury délibère sur un bloc.");
        ProcessVariables variables = ProcessVariables.of(task);
        return new BlocDeliberations.Submission(text(task.getVariableLocal(Variables.BLOC_DECISION)),
                text(task.getVariableLocal(Variables.JUSTIFICATION)), variables.proposedResult().orElse(null),
                variables.attempt(), variables.maxAttempts(), decidedBy);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
