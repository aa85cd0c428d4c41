package fr.certiflow.evaluation;

import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.process.Variables;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionStatus;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * Compares the jurors' evaluations: where they agree on every criterion the consolidated ratings are theirs and the
 * composante can be decided; otherwise the jury president harmonises. Idempotent: a rerun starts from scratch.
 */
@Service("consolidation")
public class Consolidation {

    private final EvaluationRepository evaluations;
    private final ConsolidatedRatingRepository consolidated;
    private final JuryAssignmentRepository assignments;
    private final ProductionContexts contexts;

    Consolidation(EvaluationRepository evaluations, ConsolidatedRatingRepository consolidated,
            JuryAssignmentRepository assignments, ProductionContexts contexts) {
        this.evaluations = evaluations;
        this.consolidated = consolidated;
        this.assignments = assignments;
        this.contexts = contexts;
    }

    public void consolidate(DelegateExecution execution) {
        ProductionContexts.Context context = contexts.of(execution);
        execution.setVariable(Variables.JURORS_AGREE, consolidate(context.production(), context.component()));
    }

    /**
     * A group's sitting: each member present at the oral is consolidated on their own evaluations; a member on whom
     * the jurors disagree goes to the president's harmonisation, the others are decided as they are.
     */
    public void consolidateGroup(DelegateExecution execution) {
        Set<Long> absent = contexts.sitting(execution.getProcessBusinessKey()).absentProductionIds();
        for (Production member : contexts.members(execution)) {
            if (!absent.contains(member.getId())) {
                // A VAE sitting's members are the bloc's composantes: each is consolidated on its own criteria.
                consolidate(member, contexts.of(member.getId()).component());
            }
        }
    }

    /** Whether the jurors agree on every criterion of this production; the agreed ratings are consolidated. */
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
