package fr.certiflow.evaluation;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.errors.ForbiddenException;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionDocuments;
import fr.certiflow.production.ProductionStatus;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A juror's evaluation of one production: what their task shows as it opens, who may submit it and what, and its
 * recording. The evaluation is bound to the juror the jury designated: it stays theirs (neither handed over nor
 * released), only they submit it, for a production they are assigned to, once.
 */
@Service
public class JurorEvaluations {

    /** What a juror's evaluation task shows as it opens. */
    public record Opening(Optional<VaeRoute> vaeRoute, String documents, Optional<String> gridLink,
            Optional<String> admissibilityNote) {
    }

    /** For a VAE candidate, what they are assessed on, shown before the référentiel's production. */
    public record VaeRoute(String route, String modality) {
    }

    /**
     * A juror's submission as the task holds it.
     *
     * @param designatedJuror the juror the jury designated for the task
     * @param assignee the task's assignee
     * @param actor the user submitting; empty when Certiflow's own code does (a grid upload, for instance)
     * @param form the submitted values by field key
     */
    public record Submission(String designatedJuror, String assignee, Optional<String> actor, Map<String, ?> form) {
    }

    private final EvaluationService evaluations;
    private final EvaluationRepository recorded;
    private final JuryAssignmentRepository assignments;
    private final ProductionContexts contexts;
    private final ProductionDocuments documents;
    private final EvaluationGrids grids;

    JurorEvaluations(EvaluationService evaluations, EvaluationRepository recorded, JuryAssignmentRepository assignments,
            ProductionContexts contexts, ProductionDocuments documents, EvaluationGrids grids) {
        this.evaluations = evaluations;
        this.recorded = recorded;
        this.assignments = assignments;
        this.contexts = contexts;
        this.documents = documents;
        this.grids = grids;
    }

    /** The task of {@code juror} opens: the production is now under evaluation. */
    public Opening open(long productionId, String juror) {
        ProductionContexts.Context context = contexts.of(productionId);
        Production production = context.production();
        Optional<VaeRoute> vae = context.route().vae()
                ? Optional.of(new VaeRoute(context.route().describe(), context.route().vaeModality()))
                : Optional.empty();
        Optional<String> gridLink = grids.gridId(productionId, juror)
                .map(grid -> "[Télécharger ma grille d'évaluation (Excel)](/api/grids/" + grid + ")");
        if (production.getStatus() == ProductionStatus.JURY_ASSIGNED) {
            production.moveTo(ProductionStatus.UNDER_EVALUATION);
        }
        return new Opening(vae, documents.markdownLinks(productionId), gridLink, admissibilityNote(production));
    }

    /** Refuses the submission unless the designated juror submits a complete evaluation they have not recorded yet. */
    public void check(long productionId, Submission submission) {
        String juror = designated(submission);
        ProductionContexts.Context context = contexts.of(productionId);
        if (!assignments.existsByProductionIdAndJurorUserId(productionId, juror)) {
            throw new ForbiddenException(juror + " n'est pas juré de cette production : son évaluation ne peut pas être enregistrée.");
        }
        if (recorded.findByProductionIdAndJurorUserId(productionId, juror).isPresent()) {
            throw new ConflictException("L'évaluation de " + juror + " pour cette production est déjà enregistrée : elle ne se modifie plus.");
        }
        evaluations.check(context.scale(), context.component(), EvaluationInput.fromForm(submission.form(), context.scale(),
                context.component(), ""));
    }

    /**
     * Checks and records the evaluation, by the channel it came through (« GRID » for an uploaded grid; « FORM », the
     * Tasklist form, when none is said).
     */
    public Evaluation record(long productionId, Submission submission, String channel) {
        check(productionId, submission);
        ProductionContexts.Context context = contexts.of(productionId);
        return evaluations.record(productionId, submission.designatedJuror(), channel == null ? "FORM" : channel,
                context.scale(), context.component(), EvaluationInput.fromForm(submission.form(), context.scale(),
                        context.component(), ""));
    }

    /** The task may not leave the juror the jury designated for it: returns that juror. */
    public static String keptByDesignatedJuror(String designatedJuror, String assignee) {
        if (!designatedJuror.equals(assignee)) {
            throw new ConflictException("Cette évaluation est celle de " + designatedJuror + " : elle ne peut être ni cédée ni libérée.");
        }
        return designatedJuror;
    }

    /** The designated juror, once the task is still theirs and no one else submits it. */
    static String designated(Submission submission) {
        String juror = keptByDesignatedJuror(submission.designatedJuror(), submission.assignee());
        submission.actor().ifPresent(user -> {
            if (!juror.equals(user)) {
                throw new ForbiddenException("Seul le juré désigné (" + juror + ") peut enregistrer cette évaluation.");
            }
        });
        return juror;
    }

    /**
     * The items of the required contents the coordinator found missing when declaring the production admissible all
     * the same, with their justification (markdown); none when nothing was missing.
     */
    static Optional<String> admissibilityNote(Production production) {
        if (production.getMissingContents().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder note = new StringBuilder("**Recevable malgré des éléments manquants.** Le coordinateur a relevé "
                + "l'absence de :\n\n");
        production.getMissingContents().forEach(item -> note.append("- ").append(item).append('\n'));
        String reason = production.getAdmissibleDespite();
        if (reason != null && !reason.isBlank()) {
            note.append("\nJustification : ").append(reason.strip());
        }
        return Optional.of(note.toString());
    }
}
