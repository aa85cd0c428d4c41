package fr.certiflow.evaluation;

import fr.certiflow.production.ProductionContexts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Service;

/**
 * Feeds the decision table ComponentResult as its task starts, from the consolidated ratings in Certiflow's tables
 * ({@link Consolidations#outcomeInputs}). Computing them here rather than where the ratings are consolidated lets the
 * inputs that describe nothing stay transient: the harmonisation is followed by a wait state, which transient
 * variables would not cross.
 */
@Service("componentOutcomeInputs")
public class ComponentOutcomeInputs implements ExecutionListener {

    private final Consolidations consolidations;
    private final ProductionContexts contexts;

    ComponentOutcomeInputs(Consolidations consolidations, ProductionContexts contexts) {
        this.consolidations = consolidations;
        this.contexts = contexts;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariables(consolidations.outcomeInputs(contexts.production(execution).getId()));
    }
}
