package fr.certiflow.process;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A form submission that cannot complete its task. A form validation error for the engine, so that its REST API
 * answers 400 with the message (any other engine exception would be a 500); {@link RefusalResponses} takes off the
 * « Cannot submit task form {id}: » the REST API puts before it, and {@link RefusalLogging} keeps the engine from
 * logging it as an error with a stack trace ({@link FormSubmissions} logs the refusal in one line).
 */
class SubmissionRefusedException extends FormFieldValidationException {

    SubmissionRefusedException(String message) {
        super(null, message);
    }
}
