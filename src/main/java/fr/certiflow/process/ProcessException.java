package fr.certiflow.process;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task cannot be completed as submitted; the message, in French, is what Tasklist shows the user. Nothing of the
 * completion is kept: the transaction rolls back and the task stays open.
 */
public class ProcessException extends ProcessEngineException {

    public ProcessException(String message) {
        super(message);
    }
}
