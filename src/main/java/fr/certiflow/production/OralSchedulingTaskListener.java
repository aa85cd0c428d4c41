package fr.certiflow.production;

import fr.certiflow.identity.Groups;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.EngineErrors;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The coordinator's scheduling of the oral ({@link OralSchedules}): on creation, the accommodations to plan for; as
 * the form is submitted, its date and place checked; on completion, the oral scheduled and the date the process waits
 * for.
 */
@Component("oralSchedulingTaskListener")
public class OralSchedulingTaskListener implements TaskListener, SubmissionCheck {

    private final ProductionContexts contexts;
    private final OralSchedules schedules;

    OralSchedulingTaskListener(ProductionContexts contexts, OralSchedules schedules) {
        this.contexts = contexts;
        this.schedules = schedules;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.SCHEDULE_ORAL);
    }

    @Override
    public void check(DelegateTask task) {
        requireCoordinator(task);
        EngineErrors.forForm(() -> schedules.check(task.getVariableLocal(Variables.ORAL_DATE),
                task.getVariableLocal(Variables.ORAL_PLACE)));
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(Variables.ORAL_ACCOMMODATIONS,
                    schedules.accommodations(contexts.of(task).regulation(), contexts.members(task)));
            return;
        }
        requireCoordinator(task);
        Instant at = EngineErrors.forForm(null, () -> schedules.schedule(contexts.of(task), contexts.members(task),
                task.getVariableLocal(Variables.ORAL_DATE), task.getVariableLocal(Variables.ORAL_PLACE),
                String.valueOf(task.getVariable(Variables.COMPONENT_LABEL))));
        task.getExecution().setVariable(Variables.ORAL_AT, Date.from(at));
    }

    private static void requireCoordinator(DelegateTask task) {
        TaskActors.requireMember(task, Groups.COORDINATORS, "Seul un coordinateur planifie les soutenances.");
    }
}
