package fr.certiflow.evaluation;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import fr.certiflow.regulation.Regulation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Records a juror's evaluation after checking it against the composante's criteria: a rating for every criterion,
 * a comment for every Non acquis, indicators that exist. The form and the Excel grid go through here alike.
 */
@Service
public class EvaluationService {

    private final EvaluationRepository evaluations;
    private final Clock clock;

    EvaluationService(EvaluationRepository evaluations, Clock clock) {
        this.evaluations = evaluations;
        this.clock = clock;
    }

    public List<CriterionRating> check(Regulation.Scale scale, Component component, EvaluationInput input) {
        List<String> problems = new ArrayList<>();
        List<CriterionRating> ratings = new ArrayList<>();
        for (Criterion criterion : component.criteria()) {
            String name = "critère « " + criterion.title() + " » (" + criterion.code() + ")";
            EvaluationInput.CriterionInput given = input.criteria().get(criterion.code());
            Regulation.Level rating = given == null ? null : scale.level(given.rating()).orElse(null);
            if (rating == null) {
                problems.add(name + " : appréciation manquante (" + scale.choices() + ")");
                continue;
            }
            String comment = given.comment() == null || given.comment().isBlank() ? null : given.comment().strip();
            if (!rating.acquired() && comment == null) {
                problems.add(name + " : un commentaire est obligatoire lorsque le critère est non acquis");
            }
            List<Integer> indicators = given.indicators() == null ? List.of() : given.indicators().stream().distinct().toList();
            for (Integer rank : indicators) {
                if (rank == null || rank < 1 || rank > criterion.indicators().size()) {
                    problems.add(name + " : indicateur n° " + rank + " inexistant");
                }
            }
            if (comment != null && comment.length() > 4000) {
                problems.add(name + " : commentaire de plus de 4000 caractères");
            }
            ratings.add(new CriterionRating(criterion.code(), rating.code(), indicators, comment));
        }
        if (!problems.isEmpty()) {
            throw new EvaluationRefusedException(problems);
        }
        return ratings;
    }

    /** Checks and records; an evaluation once recorded never changes, so a second one of the same juror is refused. */
    public Evaluation record(Long productionId, String jurorUserId, String channel, Regulation.Scale scale,
            Component component, EvaluationInput input) {
        List<CriterionRating> ratings = check(scale, component, input);
        if (evaluations.findByProductionIdAndJurorUserId(productionId, jurorUserId).isPresent()) {
            throw new ConflictException("L'évaluation de " + jurorUserId + " pour cette production est déjà enregistrée : "
                    + "elle ne se modifie plus.");
        }
        return evaluations.save(new Evaluation(productionId, jurorUserId, channel, clock.instant(), ratings));
    }
}
