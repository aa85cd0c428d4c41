package fr.certiflow.errors;

import java.util.List;

/**
 * What Certiflow refuses or cannot do, said in French to the user who can act on it; nothing was changed. The type
 * says why (the input, a record that does not exist, the current state, the user's rights, a busy server) and knows
 * neither HTTP nor the engine: {@code web.ApiErrors} maps it once to a problem for the API, {@code process.EngineErrors}
 * once to a form refusal, a BPMN error or an incident for the processes.
 */
public abstract sealed class DomainException extends RuntimeException
        permits RefusedException, NotFoundException, ConflictException, ForbiddenException, UnavailableException {

    private final String heading;
    private final List<String> reasons;

    /**
     * @param heading what was refused, in a few French words (« Grille refusée »), or null for the kind's own
     * @param message the whole French message
     * @param reasons every reason in French when there are several the user fixes at once, else empty
     */
    DomainException(String heading, String message, List<String> reasons) {
        super(message);
        this.heading = heading;
        this.reasons = List.copyOf(reasons);
    }

    /** What was refused, in a few French words, or null when the kind of error says it. */
    public String heading() {
        return heading;
    }

    /** Every reason, in French, when the message sums up several; empty otherwise. */
    public List<String> reasons() {
        return reasons;
    }
}
