package fr.certiflow.evaluation;

import fr.certiflow.errors.RefusedException;
import java.util.List;

/** An evaluation that cannot be recorded: every problem, in French, so that the juror fixes all at once. */
public class EvaluationRefusedException extends RefusedException {

    private final List<String> problems;

    public EvaluationRefusedException(List<String> problems) {
        super(Reason.INVALID, null, "Évaluation incomplète : " + String.join(" ; ", problems), problems);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
