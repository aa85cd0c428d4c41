package fr.certiflow.production;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.process.ProcessVariables;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * What a production process step works on, read from the step's execution: its business key and, in a sitting's
 * multi-instance step, the member's production; {@link ProductionLookup} finds the productions and builds the context.
 */
@Service
public class ProductionContexts {

    private final ProductionLookup lookup;

    ProductionContexts(ProductionLookup lookup) {
        this.lookup = lookup;
    }

    public record Context(Production production, Campaign campaign, Referential referential, Regulation regulation,
            Component component, AssessmentRoute route) {

        public Regulation.Scale scale() {
            return regulation.scale();
        }
    }

    /** The production the step works on (see {@link ProductionLookup#production}). */
    public Production production(DelegateExecution execution) {
        return lookup.production(execution.getProcessBusinessKey(), ProcessVariables.of(execution).memberProductionId());
    }

    /** The productions a step works on: every member's in a group's sitting, the production's alone otherwise. */
    public List<Production> members(DelegateExecution execution) {
        return lookup.members(execution.getProcessBusinessKey(), ProcessVariables.of(execution).memberProductionId());
    }

    public List<Production> members(DelegateTask task) {
        return members(task.getExecution());
    }

    public GroupSitting sitting(String businessKey) {
        return lookup.sitting(businessKey);
    }

    /** The members' productions of the sitting, in candidate number order. */
    public List<Production> members(GroupSitting sitting) {
        return lookup.members(sitting);
    }

    public Production production(DelegateTask task) {
        return production(task.getExecution());
    }

    public Context of(DelegateExecution execution) {
        return lookup.context(production(execution));
    }

    public Context of(DelegateTask task) {
        return of(task.getExecution());
    }

    public Context of(Long productionId) {
        return lookup.context(productionId);
    }
}
