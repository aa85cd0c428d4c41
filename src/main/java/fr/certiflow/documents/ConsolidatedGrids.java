package fr.certiflow.documents;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.deliberation.Decisions;
import fr.certiflow.evaluation.ConsolidatedRatingRepository;
import fr.certiflow.evaluation.EvaluationRepository;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.jury.JuryDerogationRepository;
import fr.certiflow.jury.Juror;
import fr.certiflow.jury.JurorRepository;
import fr.certiflow.production.ProductionContexts;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Gathers a production's jury, evaluations, consolidated ratings and any derogation into its consolidated grid. */
@Service
public class ConsolidatedGrids {

    private final ProductionContexts contexts;
    private final CandidateRepository candidates;
    private final EvaluationRepository evaluations;
    private final ConsolidatedRatingRepository consolidated;
    private final JuryAssignmentRepository assignments;
    private final JurorRepository jurors;
    private final JuryDerogationRepository derogations;

    ConsolidatedGrids(ProductionContexts contexts, CandidateRepository candidates, EvaluationRepository evaluations,
            ConsolidatedRatingRepository consolidated, JuryAssignmentRepository assignments, JurorRepository jurors,
            JuryDerogationRepository derogations) {
        this.contexts = contexts;
        this.candidates = candidates;
        this.evaluations = evaluations;
        this.consolidated = consolidated;
        this.assignments = assignments;
        this.jurors = jurors;
        this.derogations = derogations;
    }

    /** The workbook of an existing production. */
    @Transactional(readOnly = true)
    public byte[] of(Long productionId) {
        ProductionContexts.Context context = contexts.of(productionId);
        java.util.Map<String, Juror> pool = jurors.findByCampaignIdOrderByUserId(context.campaign().getId()).stream()
                .collect(Collectors.toMap(Juror::getUserId, Function.identity()));
        Candidate candidate = candidates.findById(context.production().getCandidateId()).orElseThrow();
        return ConsolidatedGridWorkbook.write("Grille consolidée — " + context.campaign().getName(),
                candidate.getNumber() + (context.route().oral() ? " " + candidate.fullName() : "")
                        + (context.route().vae() ? " — parcours " + context.route().describe() : ""),
                context.component(), context.regulation(), evaluations.findByProductionIdOrderByJurorUserId(productionId),
                consolidated.findByProductionIdOrderByCriterionCode(productionId),
                context.production().getResult() == null ? null : Decisions.label(context.production().getResult()),
                JuryDesignations.jury(assignments.findByProductionIdOrderByJurorUserId(productionId), pool),
                derogations.findByProductionId(productionId).map(JuryDesignations::derogation).orElse(null),
                pool.values().stream().filter(juror -> juror.getDisplayName() != null)
                        .collect(Collectors.toMap(Juror::getUserId, Juror::getDisplayName)));
    }
}
