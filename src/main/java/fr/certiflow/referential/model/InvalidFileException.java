package fr.certiflow.referential.model;

import java.util.List;
import java.util.stream.Collectors;

/** A data file (référentiel, règlement) that cannot be used: every problem found, with the file it was found in. */
public class InvalidFileException extends RuntimeException {

    private final String source;
    private final List<Problem> problems;

    protected InvalidFileException(String kind, String source, List<Problem> problems) {
        super(kind + " file '" + source + "' is invalid (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):"
                + problems.stream().map(problem -> "\n - " + problem).collect(Collectors.joining()));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }
}
