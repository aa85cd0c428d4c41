package fr.certiflow.process;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A form submission that cannot complete its task: a user's request the engine refuses, not an engine error. Its REST
 * API (Tasklist's too) answers 400 with the French message alone, where a form field validation error would get
 * « Cannot submit task form {id}: » before it and a task listener's exception a 500; and the engine logs it at DEBUG
 * instead of an ERROR with a stack trace (Certiflow logs the refusal in one line, {@link FormSubmissions}).
 */
class SubmissionRefusedException extends BadUserRequestException {

    SubmissionRefusedException(String message) {
        super(message);
    }
}
