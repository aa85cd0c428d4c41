package fr.certiflow.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Names each user task after what it is about, so that a Tasklist list is readable: "Évaluer la production —
 * Candidat n° 2026-001 — A.1 Organisation…". Written productions show the candidate number, orals the name.
 */
@Component("taskNaming")
public class TaskNaming implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        String base = task.getName();
        if (Boolean.TRUE.equals(task.getVariable(Variables.VAE_SITTING))) {
            // The sitting's steps serve a VAE candidate's bloc too: there is no group then.
            base = base.replace(" du groupe", "");
        }
        StringBuilder name = new StringBuilder(base);
        Object candidate = task.getVariable(Variables.CANDIDATE_LABEL);
        if (candidate == null) {
            candidate = task.getVariable(Variables.CANDIDATE_NUMBER);
        }
        if (candidate != null) {
            name.append(" — ").append(candidate);
        }
        Object component = task.getVariable(Variables.COMPONENT_CODE);
        Object bloc = task.getVariable(Variables.BLOC_CODE);
        if (component != null) {
            name.append(" — ").append(component);
        } else if (bloc != null) {
            name.append(" — bloc ").append(bloc);
        }
        task.setName(name.length() > 255 ? name.substring(0, 255) : name.toString());
        task.setDescription(ProcessVariables.of(task).string(Variables.COMPONENT_LABEL).orElse(null));
        // Copies on the task of what Tasklist's filters show beside it: a juror may read their task's own
        // variables, not the process instance's.
        copyToTask(task, Variables.CANDIDATE_LABEL, candidate);
        copyToTask(task, Variables.COMPONENT_CODE, component);
        copyToTask(task, Variables.BLOC_CODE, bloc);
    }

    private static void copyToTask(DelegateTask task, String name, Object value) {
        if (value != null) {
            task.setVariableLocal(name, value);
        }
    }
}
