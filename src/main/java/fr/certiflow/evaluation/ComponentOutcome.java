package fr.certiflow.evaluation;

import fr.certiflow.process.Variables;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import fr.certiflow.regulation.Regulation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the decision table ComponentResult reads of a composante's consolidated ratings, under the campaign's
 * règlement: the share of criteria acquired (by the scale's own notion of acquired), the règlement's minimum share,
 * and whether every criterion the règlement requires is acquired. The table decides; this only measures.
 * <p>
 * As the decision starts ({@link ComponentOutcomeInputs}), the inputs are read from the consolidated ratings in
 * Certiflow's tables: the share acquired stays on the instance (it tells a manager why), the règlement's minimum and
 * the required criteria are transient (the règlement and the ratings keep them).
 */
public final class ComponentOutcome {

    private ComponentOutcome() {
    }

    /**
     * @param ratings criterion code → level code, for every criterion of the composante
     * @return the decision table's inputs, as process variables: the share acquired persisted, the others transient
     */
    public static Map<String, Object> inputs(Regulation regulation, Component component, Map<String, String> ratings) {
        Regulation.Scale scale = regulation.scale();
        int acquired = 0;
        for (Criterion criterion : component.criteria()) {
            acquired += scale.acquired(ratings.get(criterion.code())) ? 1 : 0;
        }
        boolean required = regulation.component().requiredCriteria().stream()
                .filter(code -> component.criteria().stream().anyMatch(criterion -> criterion.code().equals(code)))
                .allMatch(code -> scale.acquired(ratings.get(code)));
        int criteria = component.criteria().size();
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put(Variables.ACQUIRED_PERCENT, criteria == 0 ? 0.0 : acquired * 100.0 / criteria);
        inputs.put(Variables.MINIMUM_ACQUIRED_PERCENT, org.camunda.bpm.engine.variable.Variables.integerValue(regulation.component().minimumAcquiredPercent(), true));
        inputs.put(Variables.REQUIRED_CRITERIA_ACQUIRED, org.camunda.bpm.engine.variable.Variables.booleanValue(required, true));
        return inputs;
    }
}
