package fr.certiflow.evaluation;

import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionStatus;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Compares the jurors' evaluations of a production: on each criterion where every assigned juror gave the same rating,
 * that rating is consolidated; where they agree on every criterion the composante can be decided, otherwise the
 * production goes to the jury president's harmonisation. Idempotent: a rerun starts from scratch.
 */
@Service
public class Consolidations {

    private final EvaluationRepository evaluations;
    private final ConsolidatedRatingRepository consolidated;
    private final JuryAssignmentRepository assignments;
    private final ProductionContexts contexts;

    Consolidations(EvaluationRepository evaluations, ConsolidatedRatingRepository consolidated,
            JuryAssignmentRepository assignments, ProductionContexts contexts) {
        this.evaluations = evaluations;
        this.consolidated = consolidated;
        this.assignments = assignments;
        this.contexts = contexts;
    }

    /** Whether the jurors agree on every criterion of this production; the agreed ratings are consolidated. */
    public boolean consolidate(long productionId) {
        ProductionContexts.Context context = contexts.of(productionId);
        return consolidate(context.production(), context.component());
    }

    /**
     * A group's sitting: each member present at the oral is consolidated on their own evaluations; a member on whom
     * the jurors disagree goes to the president's harmonisation, the others are decided as they are. A VAE sitting's
     * members are the bloc's composantes: each is consolidated on its own criteria.
     */
    public void consolidateSitting(String sittingKey) {
        var sitting = contexts.sitting(sittingKey);
        Set<Long> absent = sitting.absentProductionIds();
        for (Production member : contexts.members(sitting)) {
            if (!absent.contains(member.getId())) {
                consolidate(member, contexts.of(member.getId()).component());
            }
        }
    }

    /**
     * The inputs of the decision table ComponentResult, from the production's consolidated ratings (the jurors' agreed
     * ratings or the president's harmonised ones), by variable name.
     */
    public Map<String, Object> outcomeInputs(long productionId) {
        ProductionContexts.Context context = contexts.of(productionId);
        Map<String, String> ratings = consolidated.findByProductionIdOrderByCriterionCode(productionId).stream()
                .collect(Collectors.toMap(ConsolidatedRating::getCriterionCode, ConsolidatedRating::getRating));
        return ComponentOutcome.inputs(context.regulation(), context.component(), ratings);
    }

    private boolean consolidate(Production production, Component component) {
        List<Evaluation> all = evaluations.findByProductionIdOrderByJurorUserId(production.getId());
        int expected = assignments.findByProductionIdOrderByJurorUserId(production.getId()).size();
        if (all.isEmpty() || all.size() < expected) {
            throw new IllegalStateException("Production " + production.getId() + " has " + all.size()
                    + " evaluations for " + expected + " assigned jurors: nothing to consolidate");
        }
        consolidated.deleteByProductionId(production.getId());
        consolidated.flush();
        boolean agree = true;
        for (Criterion criterion : component.criteria()) {
            List<String> ratings = all.stream().map(evaluation -> evaluation.rating(criterion.code())
                    .map(CriterionRating::getRating).orElse(null)).toList();
            if (ratings.stream().allMatch(rating -> Objects.equals(rating, ratings.get(0))) && ratings.get(0) != null) {
                consolidated.save(new ConsolidatedRating(production.getId(), criterion.code(), ratings.get(0), false, null, null));
            } else {
                agree = false;
            }
        }
        if (!agree) {
            production.moveTo(ProductionStatus.HARMONISATION);
        }
        return agree;
    }
}
