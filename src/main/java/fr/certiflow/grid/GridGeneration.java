package fr.certiflow.grid;

import fr.certiflow.production.ProductionContexts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/** The grid step of the production process and of a group's sitting: which grids, for whom, is {@link JurorGrids}'. */
@Service("gridGeneration")
public class GridGeneration {

    private final JurorGrids grids;
    private final ProductionContexts contexts;

    GridGeneration(JurorGrids grids, ProductionContexts contexts) {
        this.grids = grids;
        this.contexts = contexts;
    }

    public void generate(DelegateExecution execution) {
        grids.generate(execution.getProcessBusinessKey(), contexts.production(execution).getId());
    }
}
