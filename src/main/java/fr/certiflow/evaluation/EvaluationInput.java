package fr.certiflow.evaluation;

import java.util.List;
import java.util.Map;

/** What a juror filled in, by criterion code, before it is checked: from the Tasklist form or an uploaded grid. */
public record EvaluationInput(Map<String, CriterionInput> criteria) {

    /**
     * @param rating as entered (ACQUIS / NON_ACQUIS, or the labels), null when missing
     * @param indicators observed indicators' ranks, 1-based
     */
    public record CriterionInput(String rating, List<Integer> indicators, String comment) {
    }
}
