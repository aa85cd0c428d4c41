package fr.certiflow.web;

import fr.certiflow.errors.RefusedException;
import java.util.List;

/** A request whose content breaks rules: every problem, by field, in French; nothing was changed. */
public class InvalidRequestException extends RefusedException {

    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(Reason.INVALID, "Demande invalide", problems.size() + " problème(s) dans la demande.",
                problems.stream().map(problem -> problem.field() + " " + problem.message()).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
