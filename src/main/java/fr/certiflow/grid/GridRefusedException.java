package fr.certiflow.grid;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.errors.RefusedException;
import java.util.List;

/** An uploaded grid Certiflow refuses, with every reason in French; nothing was recorded. */
public class GridRefusedException extends RefusedException {

    static final String HEADING = "Grille refusée";

    GridRefusedException(Reason reason, List<String> problems) {
        super(reason, HEADING, message(problems), problems);
    }

    GridRefusedException(List<String> problems) {
        this(Reason.INVALID, problems);
    }

    GridRefusedException(String problem) {
        this(List.of(problem));
    }

    GridRefusedException(Reason reason, String problem) {
        this(reason, List.of(problem));
    }

    /** A grid that is right in itself but that the state of the evaluations does not let in. */
    static ConflictException conflict(String problem) {
        return new ConflictException(HEADING, message(List.of(problem)), List.of(problem));
    }

    public List<String> problems() {
        return reasons();
    }

    private static String message(List<String> problems) {
        return "Grille refusée : " + String.join(" ; ", problems);
    }
}
