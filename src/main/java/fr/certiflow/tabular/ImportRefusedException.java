package fr.certiflow.tabular;

import java.util.List;

/** A file with at least one problem: nothing of it is imported, and every problem is reported at once. */
public class ImportRefusedException extends RuntimeException {

    private final List<ImportProblem> problems;

    public ImportRefusedException(List<ImportProblem> problems) {
        super(problems.size() + " problème(s) : rien n'a été importé.");
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
