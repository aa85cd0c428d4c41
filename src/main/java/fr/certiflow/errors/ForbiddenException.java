package fr.certiflow.errors;

import java.util.List;

/** An action the user's role or relation to the record does not allow (another juror's grid, say). */
public final class ForbiddenException extends DomainException {

    public ForbiddenException(String message) {
        super(null, message, List.of());
    }
}
