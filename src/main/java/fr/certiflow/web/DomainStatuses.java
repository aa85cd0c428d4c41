package fr.certiflow.web;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.errors.DomainException;
import fr.certiflow.errors.ForbiddenException;
import fr.certiflow.errors.NotFoundException;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.errors.UnavailableException;
import org.springframework.http.HttpStatus;

/** The HTTP status of each domain error: the one place that says it, for the API's problems and the console's pages. */
public final class DomainStatuses {

    private DomainStatuses() {
    }

    public static HttpStatus of(DomainException e) {
        if (e instanceof RefusedException refused) {
            return switch (refused.reason()) {
                case INVALID -> HttpStatus.BAD_REQUEST;
                case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
                case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
                case UNREADABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
            };
        }
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof UnavailableException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        throw new IllegalStateException("No status for " + e.getClass().getName());
    }
}
