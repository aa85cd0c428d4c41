package fr.certiflow.jury;

import fr.certiflow.identity.Groups;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.EngineErrors;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import fr.certiflow.production.ProductionContexts;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Glue of the manual jury designation task ({@link ManualDesignations}): on create, the rules and the pool for the
 * form; as the form is submitted, a coordinator and a valid designation; on completion, the jury recorded.
 */
@Component("manualAssignmentTaskListener")
public class ManualAssignmentTaskListener implements TaskListener, SubmissionCheck {

    /** The task variables holding the pool's tables, one part each (see {@link ManualDesignations#POOL_PARTS}). */
    public static final List<String> JURY_POOL_PARTS = List.of("juryPool", "juryPool2", "juryPool3", "juryPool4");

    private final ManualDesignations designations;
    private final ProductionContexts contexts;

    ManualAssignmentTaskListener(ManualDesignations designations, ProductionContexts contexts) {
        this.designations = designations;
        this.contexts = contexts;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.ASSIGN_JURY_MANUALLY);
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            ManualDesignations.Prompt prompt = designations.prompt(contexts.members(task));
            task.setVariableLocal(Variables.JURY_RULES, prompt.rules());
            for (int i = 0; i < JURY_POOL_PARTS.size(); i++) {
                task.setVariableLocal(JURY_POOL_PARTS.get(i), prompt.pool().get(i));
            }
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            ManualDesignations.Submission submission = submission(task);
            EngineErrors.forForm(() -> designations.designate(contexts.members(task), submission));
        }
    }

    @Override
    public void check(DelegateTask task) {
        ManualDesignations.Submission submission = submission(task);
        EngineErrors.forForm(() -> designations.check(contexts.members(task), submission));
    }

    /** The designation the form submitted, from the task's own variables, by a coordinator. */
    private static ManualDesignations.Submission submission(DelegateTask task) {
        String decidedBy = TaskActors.requireMember(task, Groups.COORDINATORS, "Seul un coordinateur désigne un jury à la main.");
        return new ManualDesignations.Submission(task.getVariableLocal(Variables.JUROR_IDS) instanceof String ids ? ids : null,
                Objects.toString(task.getVariableLocal(Variables.DEROGATION_REASON), null), decidedBy);
    }
}
