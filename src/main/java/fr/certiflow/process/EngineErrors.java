package fr.certiflow.process;

import fr.certiflow.errors.DomainException;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;

/**
 * Domain errors as the engine knows them, said once for all the process glue. In a user task's submission check (see
 * {@link FormSubmissions}) or a start form's listener, a domain error refuses what the user submitted: Tasklist shows its
 * French message, and nothing of the submission is kept. In a delegate, a domain error that the BPMN models becomes the
 * BPMN error with its code, which the process catches; any other exception goes on, and the engine turns it into a
 * failed job and, out of retries, an incident that Cockpit shows.
 */
public final class EngineErrors {

    private EngineErrors() {
    }

    /**
     * The form refusal of a domain error: its French message; or, after {@code context} when given, each of its reasons
     * (its message when it has none).
     */
    public static ProcessException formRefusal(String context, DomainException e) {
        if (context == null) {
            return new ProcessException(e.getMessage());
        }
        return new ProcessException(context + " : " + (e.reasons().isEmpty() ? e.getMessage() : String.join(" ; ", e.reasons())));
    }

    /** Runs domain code for a form: a domain error refuses the submission (see {@link #formRefusal}). */
    public static <T> T forForm(String context, Supplier<T> call) {
        try {
            return call.get();
        } catch (DomainException e) {
            throw formRefusal(context, e);
        }
    }

    /** As {@link #forForm(String, Supplier)}, with the domain error's message alone. */
    public static void forForm(Runnable call) {
        forForm(null, () -> {
            call.run();
            return null;
        });
    }

    /**
     * Runs domain code for a delegate: a domain error of the type the BPMN models becomes a BPMN error with the given
     * code and the French message; anything else propagates (an incident once the job is out of retries).
     */
    public static void forDelegate(Class<? extends DomainException> modelled, String errorCode, Runnable call) {
        try {
            call.run();
        } catch (DomainException e) {
            if (modelled.isInstance(e)) {
                throw new BpmnError(errorCode, e.getMessage());
            }
            throw e;
        }
    }
}
