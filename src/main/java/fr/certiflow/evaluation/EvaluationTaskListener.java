package fr.certiflow.evaluation;

import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.ProcessException;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionDocuments;
import fr.certiflow.production.ProductionStatus;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import fr.certiflow.regulation.Regulation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Service;

/**
 * A juror's evaluation task, bound to a designation rather than to anything a user can send. The production is the
 * one the process instance's business key names; the juror is the one the evaluation multi-instance designated (its
 * element variable, set by the engine from the jury assignments). The task stays with that juror (a reassignment is
 * refused); a submission is accepted only from that juror, for a production they are assigned to, once. What a juror
 * submits stays on their own task (see {@link fr.certiflow.process.SubmissionCheck}), so no other juror sees it before
 * consolidation.
 */
@Service("evaluationTaskListener")
public class EvaluationTaskListener implements TaskListener, SubmissionCheck {


    private final EvaluationService evaluations;
    private final EvaluationRepository recorded;
    private final JuryAssignmentRepository assignments;
    private final ProductionContexts contexts;
    private final ProductionDocuments documents;
    private final EvaluationGrids grids;

    EvaluationTaskListener(EvaluationService evaluations, EvaluationRepository recorded, JuryAssignmentRepository assignments,
            ProductionContexts contexts, ProductionDocuments documents, EvaluationGrids grids) {
        this.evaluations = evaluations;
        this.recorded = recorded;
        this.assignments = assignments;
        this.contexts = contexts;
        this.documents = documents;
        this.grids = grids;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.EVALUATE_PRODUCTION);
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> created(task);
            case TaskListener.EVENTNAME_ASSIGNMENT -> keptByDesignatedJuror(task);
            case TaskListener.EVENTNAME_COMPLETE -> {
                check(task);
                ProductionContexts.Context context = contexts.of(task);
                Object channel = task.getVariableLocal(Variables.EVALUATION_CHANNEL);
                evaluations.record(context.production().getId(), designatedJuror(task),
                        channel == null ? "FORM" : channel.toString(), context.scale(), context.component(),
                        input(task, context.scale(), context.component()));
            }
            default -> {
            }
        }
    }

    @Override
    public void check(DelegateTask task) {
        String juror = keptByDesignatedJuror(task);
        TaskActors.current(task).ifPresent(user -> {
            if (!juror.equals(user.getUserId())) {
                throw new ProcessException("Seul le juré désigné (" + juror + ") peut enregistrer cette évaluation.");
            }
        });
        ProductionContexts.Context context = contexts.of(task);
        Long productionId = context.production().getId();
        if (!assignments.existsByProductionIdAndJurorUserId(productionId, juror)) {
            throw new ProcessException(juror + " n'est pas juré de cette production : son évaluation ne peut pas être enregistrée.");
        }
        if (recorded.findByProductionIdAndJurorUserId(productionId, juror).isPresent()) {
            throw new ProcessException("L'évaluation de " + juror + " pour cette production est déjà enregistrée : elle ne se modifie plus.");
        }
        evaluations.check(context.scale(), context.component(), input(task, context.scale(), context.component()));
    }

    /** The juror the multi-instance designated; the task may not leave them. */
    static String keptByDesignatedJuror(DelegateTask task) {
        String juror = designatedJuror(task);
        if (!juror.equals(task.getAssignee())) {
            throw new ProcessException("Cette évaluation est celle de " + juror + " : elle ne peut être ni cédée ni libérée.");
        }
        return juror;
    }

    private static String designatedJuror(DelegateTask task) {
        Object juror = task.getExecution().getVariableLocal(Variables.JUROR);
        if (!(juror instanceof String id) || id.isBlank()) {
            throw new IllegalStateException("Evaluation task " + task.getId() + " has no designated juror");
        }
        return id;
    }

    private void created(DelegateTask task) {
        ProductionContexts.Context context = contexts.of(task);
        Production production = context.production();
        if (context.route().vae()) {
            // The form's header says what a VAE candidate is assessed on, before the référentiel's production.
            task.setVariableLocal(Variables.VAE_ROUTE, true);
            task.setVariableLocal(Variables.ROUTE, context.route().describe());
            task.setVariableLocal(Variables.VAE_MODALITY, context.route().vaeModality());
        }
        task.setVariableLocal(Variables.DOCUMENTS_SUMMARY, documents.markdownLinks(production.getId()));
        grids.gridId(production.getId(), task.getAssignee()).ifPresent(grid ->
                task.setVariableLocal(Variables.GRID_LINK, "[Télécharger ma grille d'évaluation (Excel)](/api/grids/" + grid + ")"));
        admissibilityNote(production).ifPresent(note -> task.setVariableLocal(Variables.ADMISSIBILITY_NOTE, note));
        if (production.getStatus() == ProductionStatus.JURY_ASSIGNED) {
            production.moveTo(ProductionStatus.UNDER_EVALUATION);
        }
    }

    /**
     * The items of the required contents the coordinator found missing when declaring the production admissible all
     * the same, with their justification (markdown); none when nothing was missing.
     */
    static java.util.Optional<String> admissibilityNote(Production production) {
        if (production.getMissingContents().isEmpty()) {
            return java.util.Optional.empty();
        }
        StringBuilder note = new StringBuilder("**Recevable malgré des éléments manquants.** Le coordinateur a relevé "
                + "l'absence de :\n\n");
        production.getMissingContents().forEach(item -> note.append("- ").append(item).append('\n'));
        String reason = production.getAdmissibleDespite();
        if (reason != null && !reason.isBlank()) {
            note.append("\nJustification : ").append(reason.strip());
        }
        return java.util.Optional.of(note.toString());
    }

    /** What the juror's form submitted, from the task's own variables. */
    static EvaluationInput input(DelegateTask task, Regulation.Scale scale, Component component) {
        return input(task, scale, component, "");
    }

    /** The same, from the fields whose keys start with {@code prefix} (a group member's section). */
    static EvaluationInput input(DelegateTask task, Regulation.Scale scale, Component component, String prefix) {
        Map<String, EvaluationInput.CriterionInput> criteria = new LinkedHashMap<>();
        for (Criterion criterion : component.criteria()) {
            String rating = FormValues.text(task.getVariableLocal(prefix + EvaluationForms.ratingKey(criterion)));
            String comment = scale.level(rating).filter(level -> !level.acquired()).isPresent()
                    ? FormValues.text(task.getVariableLocal(prefix + EvaluationForms.commentKey(criterion)))
                    : FormValues.text(task.getVariableLocal(prefix + EvaluationForms.remarkKey(criterion)));
            criteria.put(criterion.code(), new EvaluationInput.CriterionInput(rating,
                    FormValues.ranks(task.getVariableLocal(prefix + EvaluationForms.indicatorsKey(criterion))), comment));
        }
        return new EvaluationInput(criteria);
    }
}
