package fr.certiflow.production;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.errors.NotFoundException;
import fr.certiflow.errors.RefusedException;
import java.util.List;

/** A file Certiflow refuses to store, with the reason in French; nothing of it is stored. */
public class UploadRefusedException extends RefusedException {

    static final String HEADING = "Dépôt refusé";

    UploadRefusedException(Reason reason, String message) {
        super(reason, HEADING, message, List.of());
    }

    /** An upload to a production that does not exist. */
    static NotFoundException notFound(String message) {
        return new NotFoundException(HEADING, message);
    }

    /** An upload the production's state no longer takes (a deadline passed, a submission closed). */
    static ConflictException conflict(String message) {
        return new ConflictException(HEADING, message, List.of());
    }
}
