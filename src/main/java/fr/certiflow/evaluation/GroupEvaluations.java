package fr.certiflow.evaluation;

import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.errors.ConflictException;
import fr.certiflow.errors.ForbiddenException;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.production.GroupSitting;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionDocuments;
import fr.certiflow.production.ProductionStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * A juror's evaluation at a group's sitting: every member of the group in one task, one section per member (see
 * {@link GroupEvaluationForms}). As for an individual production ({@link JurorEvaluations}), the evaluation is bound
 * to the juror the jury designated, and accepted only from them, once. Each member is either evaluated (one evaluation
 * per member's production and juror, so that consolidation, progress and the PV work per member) or recorded absent at
 * the oral. The absence is a fact of the sitting, the same for every juror: a juror may not evaluate a member another
 * juror recorded absent, nor record absent a member another juror evaluated.
 */
@Service
public class GroupEvaluations {

    /**
     * What a juror's group evaluation task shows as it opens.
     *
     * @param memberLabels each section's heading (« Membre 1 — Léa Martin (n° 2027-001) ») by its form key
     * @param gridLinks the juror's grids, a markdown line each; empty when none was generated
     */
    public record Opening(int memberCount, String documents, Map<String, String> memberLabels, Optional<String> gridLinks,
            Optional<String> admissibilityNote) {
    }

    private final EvaluationService evaluations;
    private final EvaluationRepository recorded;
    private final JuryAssignmentRepository assignments;
    private final ProductionContexts contexts;
    private final ProductionDocuments documents;
    private final EvaluationGrids grids;
    private final CandidateRepository candidates;

    GroupEvaluations(EvaluationService evaluations, EvaluationRepository recorded, JuryAssignmentRepository assignments,
            ProductionContexts contexts, ProductionDocuments documents, EvaluationGrids grids, CandidateRepository candidates) {
        this.evaluations = evaluations;
        this.recorded = recorded;
        this.assignments = assignments;
        this.contexts = contexts;
        this.documents = documents;
        this.grids = grids;
        this.candidates = candidates;
    }

    /** The task of {@code juror} at the sitting opens: the members' productions are now under evaluation. */
    public Opening open(String sittingKey, String juror) {
        List<Production> members = contexts.members(contexts.sitting(sittingKey));
        Map<String, String> labels = new LinkedHashMap<>();
        List<String> links = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Production member = members.get(i);
            String name = memberName(member);
            labels.put(GroupEvaluationForms.memberLabelKey(i + 1), "Membre " + (i + 1) + " — " + name);
            grids.gridId(member.getId(), juror).ifPresent(grid ->
                    links.add("- [Grille d'évaluation (Excel) de " + name + "](/api/grids/" + grid + ")\n"));
            if (member.getStatus() == ProductionStatus.JURY_ASSIGNED) {
                member.moveTo(ProductionStatus.UNDER_EVALUATION);
            }
        }
        // The group's grid (a sheet per member) is kept under the first member's production; a sitting opened before
        // group grids has one grid per member.
        if (links.size() == 1) {
            grids.gridId(members.get(0).getId(), juror).ifPresent(grid -> links.set(0,
                    "- [Grille d'évaluation du groupe (Excel) : une feuille par membre](/api/grids/" + grid + ")\n"));
        }
        // One admissibility check for the group: what it found missing is recorded on a member's production.
        Optional<String> note = members.stream().map(JurorEvaluations::admissibilityNote).flatMap(Optional::stream).findFirst();
        return new Opening(members.size(), documents.markdownLinks(members.get(0).getId()), labels,
                links.isEmpty() ? Optional.empty() : Optional.of(String.join("", links)), note);
    }

    /**
     * Refuses the submission unless the designated juror submits, for every member they are a juror of and have not
     * evaluated yet, a complete evaluation or an absence that agrees with the other jurors'.
     */
    public void check(String sittingKey, JurorEvaluations.Submission submission) {
        String juror = JurorEvaluations.designated(submission);
        GroupSitting sitting = contexts.sitting(sittingKey);
        List<Production> members = contexts.members(sitting);
        ProductionContexts.Context context = contexts.of(members.get(0).getId());
        for (int i = 0; i < members.size(); i++) {
            Production member = members.get(i);
            String name = memberName(member);
            if (!assignments.existsByProductionIdAndJurorUserId(member.getId(), juror)) {
                throw new ForbiddenException(juror + " n'est pas juré de " + name + " : son évaluation ne peut pas être enregistrée.");
            }
            if (recorded.findByProductionIdAndJurorUserId(member.getId(), juror).isPresent()) {
                throw new ConflictException("L'évaluation de " + juror + " pour " + name + " est déjà enregistrée : elle ne se modifie plus.");
            }
            boolean absent = absent(submission, i + 1);
            if (absent && !recorded.findByProductionIdOrderByJurorUserId(member.getId()).isEmpty()) {
                throw new ConflictException(name + " a été évalué(e) par un autre juré de la séance : il ou elle était présent(e) "
                        + "à la soutenance. Évaluez ce membre.");
            }
            if (!absent && sitting.absentProductionIds().contains(member.getId())) {
                throw new ConflictException(name + " a été déclaré(e) absent(e) à la soutenance par un autre juré de la séance : "
                        + "cochez « absent(e) à la soutenance » pour ce membre.");
            }
            if (!absent) {
                try {
                    evaluations.check(context.scale(), context.component(), input(submission, context, i + 1));
                } catch (EvaluationRefusedException e) {
                    throw new RefusedException(name + " : " + e.getMessage());
                }
            }
        }
    }

    /** Checks, then records each member's evaluation, or their absence at the oral. */
    public void record(String sittingKey, JurorEvaluations.Submission submission) {
        check(sittingKey, submission);
        GroupSitting sitting = contexts.sitting(sittingKey);
        List<Production> members = contexts.members(sitting);
        ProductionContexts.Context context = contexts.of(members.get(0).getId());
        for (int i = 0; i < members.size(); i++) {
            Production member = members.get(i);
            if (absent(submission, i + 1)) {
                sitting.recordAbsent(member.getId());
            } else {
                evaluations.record(member.getId(), submission.designatedJuror(), "FORM", context.scale(), context.component(),
                        input(submission, context, i + 1));
            }
        }
    }

    /** « Léa Martin (n° 2027-001) ». */
    private String memberName(Production member) {
        return candidates.findById(member.getCandidateId()).orElseThrow().numberedName();
    }

    private static boolean absent(JurorEvaluations.Submission submission, int member) {
        return Boolean.TRUE.equals(submission.form().get(GroupEvaluationForms.absentKey(member)));
    }

    private static EvaluationInput input(JurorEvaluations.Submission submission, ProductionContexts.Context context, int member) {
        return EvaluationInput.fromForm(submission.form(), context.scale(), context.component(),
                GroupEvaluationForms.memberKey(member, ""));
    }
}
