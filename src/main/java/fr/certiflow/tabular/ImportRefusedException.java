package fr.certiflow.tabular;

import fr.certiflow.errors.RefusedException;
import java.util.ArrayList;
import java.util.List;

/**
 * A file with at least one problem: nothing of it is imported, and every problem is reported at once. A hostile
 * file can hold a problem on every cell, so the list kept is capped: past {@link #MAX_LISTED}, the last entry says
 * how many more there were.
 */
public class ImportRefusedException extends RefusedException {

    public static final int MAX_LISTED = 1000;

    private final List<ImportProblem> problems;

    public ImportRefusedException(List<ImportProblem> problems) {
        this(problems.size() + " problème(s) : rien n'a été importé.", problems);
    }

    protected ImportRefusedException(String message, List<ImportProblem> problems) {
        this(Reason.INVALID, message, problems);
    }

    ImportRefusedException(Reason reason, String message, List<ImportProblem> problems) {
        super(reason, "Import refusé", message, capped(problems).stream().map(ImportProblem::toString).toList());
        this.problems = capped(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    private static List<ImportProblem> capped(List<ImportProblem> problems) {
        if (problems.size() <= MAX_LISTED) {
            return List.copyOf(problems);
        }
        List<ImportProblem> listed = new ArrayList<>(problems.subList(0, MAX_LISTED));
        listed.add(new ImportProblem(problems.get(0).file(), null, null,
                (problems.size() - MAX_LISTED) + " autre(s) problème(s) non listé(s) : corrigez d'abord ceux-ci"));
        return List.copyOf(listed);
    }
}
