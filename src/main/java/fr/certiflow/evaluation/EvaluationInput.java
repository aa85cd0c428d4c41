package fr.certiflow.evaluation;

import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import fr.certiflow.regulation.Regulation;
import java.util.LinkedHashMap;
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

    /**
     * What an evaluation form submitted, from its values by field key: the fields whose keys start with {@code prefix}
     * (empty for an individual form, {@code M2_} for a group member's section). The comment of a criterion rated not
     * acquired is its mandatory comment, otherwise its optional remark.
     */
    public static EvaluationInput fromForm(Map<String, ?> values, Regulation.Scale scale, Component component, String prefix) {
        Map<String, CriterionInput> criteria = new LinkedHashMap<>();
        for (Criterion criterion : component.criteria()) {
            String rating = FormValues.text(values.get(prefix + EvaluationForms.ratingKey(criterion)));
            String comment = scale.level(rating).filter(level -> !level.acquired()).isPresent()
                    ? FormValues.text(values.get(prefix + EvaluationForms.commentKey(criterion)))
                    : FormValues.text(values.get(prefix + EvaluationForms.remarkKey(criterion)));
            criteria.put(criterion.code(), new CriterionInput(rating,
                    FormValues.ranks(values.get(prefix + EvaluationForms.indicatorsKey(criterion))), comment));
        }
        return new EvaluationInput(criteria);
    }
}
