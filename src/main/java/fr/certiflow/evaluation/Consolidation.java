package fr.certiflow.evaluation;

import fr.certiflow.process.Variables;
import fr.certiflow.production.ProductionContexts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * The consolidation steps of the production process and of a group's sitting; the jurors-agree rule is
 * {@link Consolidations}'.
 */
@Service("consolidation")
public class Consolidation {

    private final Consolidations consolidations;
    private final ProductionContexts contexts;

    Consolidation(Consolidations consolidations, ProductionContexts contexts) {
        this.consolidations = consolidations;
        this.contexts = contexts;
    }

    public void consolidate(DelegateExecution execution) {
        execution.setVariable(Variables.JURORS_AGREE, consolidations.consolidate(contexts.production(execution).getId()));
    }

    /** A group's sitting: each member present at the oral, on their own evaluations. */
    public void consolidateGroup(DelegateExecution execution) {
        consolidations.consolidateSitting(execution.getProcessBusinessKey());
    }
}
