package fr.certiflow.errors;

import java.util.List;

/** Work Certiflow cannot take now, though nothing is wrong with it: the user tries again later. */
public final class UnavailableException extends DomainException {

    public UnavailableException(String message) {
        super(null, message, List.of());
    }
}
