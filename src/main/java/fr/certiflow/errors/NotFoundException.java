package fr.certiflow.errors;

import java.util.List;

/** A record named by the user (a campaign, a production, a grid…) that does not exist, or not for this user. */
public final class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        this(null, message);
    }

    public NotFoundException(String heading, String message) {
        super(heading, message, List.of());
    }
}
