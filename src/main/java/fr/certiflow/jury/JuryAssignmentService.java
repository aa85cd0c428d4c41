package fr.certiflow.jury;

import fr.certiflow.process.EngineErrors;
import fr.certiflow.process.ProcessKeys;
import fr.certiflow.production.ProductionContexts;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Glue of the jury assignment step of the production and group processes ({@link JuryAssignments}): « no eligible
 * jury » becomes the BPMN error that hands the choice to a coordinator.
 */
@Component("juryAssignment")
public class JuryAssignmentService {

    private final JuryAssignments assignments;
    private final ProductionContexts contexts;

    JuryAssignmentService(JuryAssignments assignments, ProductionContexts contexts) {
        this.assignments = assignments;
        this.contexts = contexts;
    }

    /** Assigns a jury by the rules; when none meets them, the BPMN error hands the choice to a coordinator. */
    public void assign(DelegateExecution execution) {
        EngineErrors.forDelegate(NoEligibleJuryException.class, ProcessKeys.ERROR_NO_ELIGIBLE_JUROR,
                () -> assignments.assign(contexts.production(execution)));
    }

    /** One jury for a group's sitting (« Désigner les jurés du groupe manuellement » when none meets the rules). */
    public void assignGroup(DelegateExecution execution) {
        EngineErrors.forDelegate(NoEligibleJuryException.class, ProcessKeys.ERROR_NO_ELIGIBLE_JUROR,
                () -> assignments.assignSitting(contexts.members(execution), execution.getProcessBusinessKey()));
    }

    /** The jurors of the production, for the evaluation multi-instance. */
    public List<String> jurors(DelegateExecution execution) {
        return assignments.jurors(contexts.production(execution));
    }
}
