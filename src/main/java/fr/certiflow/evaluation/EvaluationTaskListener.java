package fr.certiflow.evaluation;

import fr.certiflow.grid.GridRepository;
import fr.certiflow.process.Variables;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionDocuments;
import fr.certiflow.production.ProductionStatus;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * A juror's evaluation task. On create, the form's fields are declared on the juror's own execution, so that what a
 * juror submits stays with that juror's task and no other juror sees it before consolidation; the task also gets
 * the links to the production's files and the juror's grid. On complete, the evaluation is checked and recorded.
 */
@org.springframework.stereotype.Component("evaluationTaskListener")
public class EvaluationTaskListener implements TaskListener {

    public static final String GRID_LINK = "gridLink";
    /** Set on the task by the grid upload: the evaluation came from the Excel grid, not the form. */
    public static final String CHANNEL = "evaluationChannel";

    private final EvaluationService evaluations;
    private final ProductionContexts contexts;
    private final ProductionDocuments documents;
    private final GridRepository grids;

    EvaluationTaskListener(EvaluationService evaluations, ProductionContexts contexts, ProductionDocuments documents,
            GridRepository grids) {
        this.evaluations = evaluations;
        this.contexts = contexts;
        this.documents = documents;
        this.grids = grids;
    }

    @Override
    public void notify(DelegateTask task) {
        ProductionContexts.Context context = contexts.of(task);
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, context.production(), context.component());
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            Object channel = task.getVariableLocal(CHANNEL);
            evaluations.record(context.production().getId(), task.getAssignee(), channel == null ? "FORM" : channel.toString(),
                    context.component(), input(task, context.component()));
        }
    }

    private void created(DelegateTask task, Production production, Component component) {
        DelegateExecution jurorExecution = task.getExecution();
        for (Criterion criterion : component.criteria()) {
            jurorExecution.setVariableLocal(EvaluationForms.ratingKey(criterion), null);
            // Tasklist submits a checklist with the type of the existing variable: it must already be Json.
            jurorExecution.setVariableLocal(EvaluationForms.indicatorsKey(criterion), SpinValues.jsonValue("[]").create());
            jurorExecution.setVariableLocal(EvaluationForms.commentKey(criterion), null);
            jurorExecution.setVariableLocal(EvaluationForms.remarkKey(criterion), null);
        }
        task.setVariableLocal(Variables.DOCUMENTS_SUMMARY, documents.markdownLinks(production.getId()));
        grids.findByProductionIdAndJurorUserId(production.getId(), task.getAssignee()).ifPresent(grid ->
                task.setVariableLocal(GRID_LINK, "[Télécharger ma grille d'évaluation (Excel)](/api/grids/" + grid.getId() + ")"));
        if (production.getStatus() == ProductionStatus.JURY_ASSIGNED) {
            production.moveTo(ProductionStatus.UNDER_EVALUATION);
        }
    }

    static EvaluationInput input(DelegateTask task, Component component) {
        Map<String, EvaluationInput.CriterionInput> criteria = new LinkedHashMap<>();
        for (Criterion criterion : component.criteria()) {
            String rating = FormValues.text(task.getVariable(EvaluationForms.ratingKey(criterion)));
            String comment = Rating.parse(rating).orElse(null) == Rating.NON_ACQUIS
                    ? FormValues.text(task.getVariable(EvaluationForms.commentKey(criterion)))
                    : FormValues.text(task.getVariable(EvaluationForms.remarkKey(criterion)));
            criteria.put(criterion.code(), new EvaluationInput.CriterionInput(rating,
                    FormValues.ranks(task.getVariable(EvaluationForms.indicatorsKey(criterion))), comment));
        }
        return new EvaluationInput(criteria);
    }
}
