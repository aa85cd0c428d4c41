package fr.certiflow.errors;

import java.util.List;

/** A request that the current state does not allow (a campaign already launched, a deadline passed…). */
public non-sealed class ConflictException extends DomainException {

    public ConflictException(String message) {
        this(null, message, List.of());
    }

    public ConflictException(String heading, String message, List<String> reasons) {
        super(heading, message, reasons);
    }
}
