package fr.certiflow.evaluation;

import fr.certiflow.errors.RefusedException;
import fr.certiflow.jury.Juror;
import fr.certiflow.jury.JurorRepository;
import fr.certiflow.process.Variables;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionDocuments;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import fr.certiflow.regulation.Regulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The jury president's harmonisation of a production on which the jurors disagree: the jurors' evaluations side by side
 * with the agreed ratings pre-filled; then a rating retained for every criterion, with a justification; the retained
 * ratings become the consolidated ones, those that changed recorded as harmonised by the president.
 */
@Service
public class Harmonisations {

    /**
     * What the president's task shows as it opens.
     *
     * @param agreed the agreed ratings, pre-filled, by form key (a criterion still to harmonise has none)
     * @param sideBySide the jurors' evaluations side by side (markdown)
     */
    public record Opening(Map<String, String> agreed, String sideBySide, String documents) {
    }

    private final EvaluationRepository evaluations;
    private final ConsolidatedRatingRepository consolidated;
    private final ProductionContexts contexts;
    private final ProductionDocuments documents;
    private final JurorRepository jurors;

    Harmonisations(EvaluationRepository evaluations, ConsolidatedRatingRepository consolidated, ProductionContexts contexts,
            ProductionDocuments documents, JurorRepository jurors) {
        this.evaluations = evaluations;
        this.consolidated = consolidated;
        this.contexts = contexts;
        this.documents = documents;
        this.jurors = jurors;
    }

    public Opening open(long productionId) {
        ProductionContexts.Context context = contexts.of(productionId);
        Component component = context.component();
        Map<String, String> agreed = consolidated.findByProductionIdOrderByCriterionCode(productionId).stream()
                .collect(Collectors.toMap(ConsolidatedRating::getCriterionCode, ConsolidatedRating::getRating));
        // Only what the form shows pre-filled: a criterion still to harmonise and the comment are the president's to
        // fill, and the submission writes them on the task (no empty copies for Cockpit to list).
        Map<String, String> prefilled = new LinkedHashMap<>();
        for (Criterion criterion : component.criteria()) {
            if (agreed.containsKey(criterion.code())) {
                prefilled.put(EvaluationForms.agreedKey(criterion), agreed.get(criterion.code()));
            }
        }
        Long campaignId = context.campaign().getId();
        String sideBySide = sideBySide(component, context.scale(), evaluations.findByProductionIdOrderByJurorUserId(productionId),
                agreed, userId -> jurors.findByCampaignIdAndUserId(campaignId, userId).map(Juror::getDisplayName).orElse(userId));
        return new Opening(prefilled, sideBySide, documents.markdownLinks(productionId));
    }

    /**
     * The ratings the president retained, once checked: a rating of the scale for every criterion and a justification
     * of at most 4000 characters; a rating that differs from the jurors' agreed one is harmonised by {@code president}.
     *
     * @param form the submitted values by field key
     */
    public List<ConsolidatedRating> retained(long productionId, String president, Map<String, ?> form) {
        ProductionContexts.Context context = contexts.of(productionId);
        List<String> problems = new ArrayList<>();
        List<ConsolidatedRating> ratings = new ArrayList<>();
        Map<String, String> before = consolidated.findByProductionIdOrderByCriterionCode(productionId).stream()
                .filter(rating -> !rating.isHarmonised())
                .collect(Collectors.toMap(ConsolidatedRating::getCriterionCode, ConsolidatedRating::getRating));
        String comment = FormValues.text(form.get(Variables.HARMONISATION_COMMENT));
        for (Criterion criterion : context.component().criteria()) {
            String rating = context.scale().level(FormValues.text(form.get(EvaluationForms.agreedKey(criterion))))
                    .map(Regulation.Level::code).orElse(null);
            if (rating == null) {
                problems.add("critère « " + criterion.title() + " » : appréciation retenue manquante");
                continue;
            }
            boolean harmonised = !rating.equals(before.get(criterion.code()));
            ratings.add(new ConsolidatedRating(productionId, criterion.code(), rating, harmonised,
                    harmonised ? comment : null, harmonised ? president : null));
        }
        if (comment == null || comment.isBlank()) {
            problems.add("justifiez l'harmonisation dans le commentaire");
        } else if (comment.length() > 4000) {
            problems.add("la justification dépasse 4000 caractères");
        }
        if (!problems.isEmpty()) {
            throw new RefusedException("Harmonisation incomplète : " + String.join(" ; ", problems));
        }
        return ratings;
    }

    /** Checks the president's ratings, then makes them the production's consolidated ones. */
    public List<ConsolidatedRating> record(long productionId, String president, Map<String, ?> form) {
        List<ConsolidatedRating> ratings = retained(productionId, president, form);
        consolidated.deleteByProductionId(productionId);
        consolidated.flush();
        return consolidated.saveAll(ratings);
    }

    /**
     * In markdown, one block per criterion (numbered as the form's answers), whether the jurors agree on it, and each
     * juror's rating and comment on a line of its own, by the juror's name: it reads in the task column at any width.
     */
    static String sideBySide(Component component, Regulation.Scale scale, List<Evaluation> all, Map<String, String> agreed,
            Function<String, String> jurorName) {
        StringBuilder text = new StringBuilder();
        int number = 0;
        for (Criterion criterion : component.criteria()) {
            number++;
            text.append("#### Critère ").append(number).append(" — ").append(cell(criterion.title()))
                    .append(agreed.containsKey(criterion.code()) ? " — concordant" : " — **à harmoniser**").append("\n\n");
            for (Evaluation evaluation : all) {
                text.append("- **").append(cell(jurorName.apply(evaluation.getJurorUserId()))).append("** : ")
                        .append(evaluation.rating(criterion.code()).map(rating -> scale.label(rating.getRating())
                                + (rating.getComment() == null ? "" : " — « " + cell(rating.getComment()) + " »")).orElse("—"))
                        .append('\n');
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "/").replace("\n", " ").replaceAll("([\\\\`*_\\[\\]<>])", "\\\\$1");
    }
}
