package fr.certiflow.process;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who submits or completes a task: the user the engine authenticated for the request, if any. */
public final class TaskActors {

    /** Recorded as the author of what Certiflow itself does (no user: its own code, a job). */
    public static final String CERTIFLOW = "certiflow";

    private TaskActors() {
    }

    /** The authenticated user acting on the task; empty when Certiflow's own code acts. */
    public static Optional<Authentication> current(DelegateTask task) {
        return Optional.ofNullable(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
                .filter(authentication -> authentication.getUserId() != null);
    }

    /**
     * Refuses a user who is not in the group with the message; returns who decides: the user, or, when Certiflow's
     * own code acts, the task's assignee or {@link #CERTIFLOW}.
     */
    public static String requireMember(DelegateTask task, String group, String refusal) {
        Optional<Authentication> user = current(task);
        if (user.isEmpty()) {
            return task.getAssignee() == null ? CERTIFLOW : task.getAssignee();
        }
        List<String> groups = user.get().getGroupIds() == null ? List.of() : user.get().getGroupIds();
        if (!groups.contains(group)) {
            throw new ProcessException(refusal);
        }
        return user.get().getUserId();
    }
}
