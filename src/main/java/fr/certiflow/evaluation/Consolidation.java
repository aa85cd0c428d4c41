package fr.certiflow.evaluation;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.process.Variables;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.production.ProductionStatus;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Compares the jurors' evaluations: where they agree on every criterion the consolidated ratings are theirs and the
 * composante can be decided; otherwise the jury president harmonises. Idempotent: a rerun starts from scratch.
 */
@org.springframework.stereotype.Component("consolidation")
public class Consolidation {

    private final EvaluationRepository evaluations;
    private final ConsolidatedRatingRepository consolidated;
    private final JuryAssignmentRepository assignments;
    private final ProductionRepository productions;
    private final CampaignRepository campaigns;
    private final CampaignReferentials referentials;

    Consolidation(EvaluationRepository evaluations, ConsolidatedRatingRepository consolidated,
            JuryAssignmentRepository assignments, ProductionRepository productions, CampaignRepository campaigns,
            CampaignReferentials referentials) {
        this.evaluations = evaluations;
        this.consolidated = consolidated;
        this.assignments = assignments;
        this.productions = productions;
        this.campaigns = campaigns;
        this.referentials = referentials;
    }

    public void consolidate(DelegateExecution execution) {
        Production production = productions.findById(((Number) execution.getVariable(Variables.PRODUCTION_ID)).longValue()).orElseThrow();
        Campaign campaign = campaigns.findById(production.getCampaignId()).orElseThrow();
        Component component = referentials.component(campaign, production.getComponentCode());
        List<Evaluation> all = evaluations.findByProductionIdOrderByJurorUserId(production.getId());
        int expected = assignments.findByProductionIdOrderByJurorUserId(production.getId()).size();
        if (all.isEmpty() || all.size() < expected) {
            throw new IllegalStateException("Production " + production.getId() + " has " + all.size()
                    + " evaluations for " + expected + " assigned jurors: nothing to consolidate");
        }
        consolidated.deleteByProductionId(production.getId());
        consolidated.flush();
        boolean agree = true;
        int nonAcquis = 0;
        for (Criterion criterion : component.criteria()) {
            List<Rating> ratings = all.stream().map(evaluation -> evaluation.rating(criterion.code())
                    .map(CriterionRating::getRating).orElse(null)).toList();
            if (ratings.stream().allMatch(rating -> Objects.equals(rating, ratings.get(0))) && ratings.get(0) != null) {
                consolidated.save(new ConsolidatedRating(production.getId(), criterion.code(), ratings.get(0), false, null));
                nonAcquis += ratings.get(0) == Rating.NON_ACQUIS ? 1 : 0;
            } else {
                agree = false;
            }
        }
        execution.setVariable(Variables.JURORS_AGREE, agree);
        if (agree) {
            execution.setVariable(Variables.NON_ACQUIS_COUNT, nonAcquis);
            execution.setVariable(Variables.CRITERIA_COUNT, component.criteria().size());
        } else {
            production.moveTo(ProductionStatus.HARMONISATION);
        }
    }
}
