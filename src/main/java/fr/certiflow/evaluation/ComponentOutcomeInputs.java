package fr.certiflow.evaluation;

import fr.certiflow.production.ProductionContexts;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Service;

/**
 * Feeds the decision table ComponentResult as its task starts, from the consolidated ratings (the jurors' agreed
 * ratings or the president's harmonised ones) in Certiflow's tables. Computing them here rather than where the
 * ratings are consolidated lets the inputs that describe nothing stay transient: the harmonisation is followed by a
 * wait state, which transient variables would not cross.
 */
@Service("componentOutcomeInputs")
public class ComponentOutcomeInputs implements ExecutionListener {

    private final ConsolidatedRatingRepository consolidated;
    private final ProductionContexts contexts;

    ComponentOutcomeInputs(ConsolidatedRatingRepository consolidated, ProductionContexts contexts) {
        this.consolidated = consolidated;
        this.contexts = contexts;
    }

    @Override
    public void notify(DelegateExecution execution) {
        ProductionContexts.Context context = contexts.of(execution);
        Map<String, String> ratings = consolidated.findByProductionIdOrderByCriterionCode(context.production().getId()).stream()
                .collect(Collectors.toMap(ConsolidatedRating::getCriterionCode, ConsolidatedRating::getRating));
        execution.setVariables(ComponentOutcome.inputs(context.regulation(), context.component(), ratings));
    }
}
