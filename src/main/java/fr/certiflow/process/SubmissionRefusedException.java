package fr.certiflow.process;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A form submission that cannot complete its task. A form validation error for the engine, so that its REST API
 * answers 400 with the message (a task listener's exception would be wrapped into a 500).
 */
class SubmissionRefusedException extends FormFieldValidationException {

    SubmissionRefusedException(String message) {
        super(null, message);
    }
}
