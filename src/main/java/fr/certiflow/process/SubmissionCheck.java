package fr.certiflow.process;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a user task's form submission must satisfy for the task to complete: who may submit it and what the answers
 * must be. The engine runs the check as the form is submitted, once the submitted values are on the task (as task-local
 * variables), before the task completes; a {@link ProcessException} or a domain error ({@link EngineErrors}) refuses
 * the submission with its French message
 * (HTTP 400 from the engine's REST API), and nothing of it is kept.
 */
public interface SubmissionCheck {

    /** The user tasks (activity ids) this check is for. */
    Set<String> taskDefinitionKeys();

    void check(DelegateTask task);
}
