package fr.certiflow.grid;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An uploaded grid Certiflow refuses, with every reason in French; nothing was recorded. */
public class GridRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final List<String> problems;

    GridRefusedException(HttpStatus status, List<String> problems) {
        super("Grille refusée : " + String.join(" ; ", problems));
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    GridRefusedException(HttpStatus status, String problem) {
        this(status, List.of(problem));
    }

    public HttpStatus status() {
        return status;
    }

    public List<String> problems() {
        return problems;
    }
}
