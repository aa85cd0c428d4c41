package fr.certiflow.web;

import java.util.List;

/** A request whose content breaks rules: every problem, by field, in French; nothing was changed. */
public class InvalidRequestException extends RuntimeException {

    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.size() + " problème(s) dans la demande.");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
