package fr.certiflow.errors;

import java.util.List;

/** Input Certiflow refuses (a form, a file, a parameter): the message names the field, row or file at fault. */
public non-sealed class RefusedException extends DomainException {

    /** Why the input is refused. */
    public enum Reason {
        /** It breaks a rule: a value missing, malformed or out of range. */
        INVALID,
        /** It is larger than Certiflow accepts. */
        TOO_LARGE,
        /** It is a kind of file Certiflow does not take. */
        UNSUPPORTED_TYPE,
        /** It has the right type but cannot be read. */
        UNREADABLE
    }

    private final Reason reason;

    public RefusedException(String message) {
        this(Reason.INVALID, null, message, List.of());
    }

    public RefusedException(Reason reason, String heading, String message, List<String> reasons) {
        super(heading, message, reasons);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
