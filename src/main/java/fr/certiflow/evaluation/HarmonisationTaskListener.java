package fr.certiflow.evaluation;

import fr.certiflow.identity.Groups;
import fr.certiflow.jury.Juror;
import fr.certiflow.jury.JurorRepository;
import fr.certiflow.process.ActivityIds;
import fr.certiflow.process.ProcessException;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionDocuments;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import fr.certiflow.regulation.Regulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Service;

/**
 * The jury president's harmonisation. On create, the task gets the jurors' evaluations side by side and the agreed
 * ratings pre-filled; as the form is submitted, a jury president and a rating for every criterion are required, with a
 * justification; on complete, the ratings become the consolidated ones, with the president who retained them.
 */
@Service("harmonisationTaskListener")
public class HarmonisationTaskListener implements TaskListener, SubmissionCheck {


    private final EvaluationRepository evaluations;
    private final ConsolidatedRatingRepository consolidated;
    private final ProductionContexts contexts;
    private final ProductionDocuments documents;
    private final JurorRepository jurors;

    HarmonisationTaskListener(EvaluationRepository evaluations, ConsolidatedRatingRepository consolidated,
            ProductionContexts contexts, ProductionDocuments documents, JurorRepository jurors) {
        this.jurors = jurors;
        this.evaluations = evaluations;
        this.consolidated = consolidated;
        this.contexts = contexts;
        this.documents = documents;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of(ActivityIds.HARMONISE);
    }

    @Override
    public void notify(DelegateTask task) {
        ProductionContexts.Context context = contexts.of(task);
        Production production = context.production();
        Component component = context.component();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, context);
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task, context);
        }
    }

    @Override
    public void check(DelegateTask task) {
        ProductionContexts.Context context = contexts.of(task);
        harmonised(task, context);
    }

    private void created(DelegateTask task, ProductionContexts.Context context) {
        Production production = context.production();
        Component component = context.component();
        List<Evaluation> all = evaluations.findByProductionIdOrderByJurorUserId(production.getId());
        Map<String, String> agreed = consolidated.findByProductionIdOrderByCriterionCode(production.getId()).stream()
                .collect(Collectors.toMap(ConsolidatedRating::getCriterionCode, ConsolidatedRating::getRating));
        // Only what the form shows pre-filled: a criterion still to harmonise and the comment are the president's to
        // fill, and the submission writes them on the task (no empty copies for Cockpit to list).
        for (Criterion criterion : component.criteria()) {
            if (agreed.containsKey(criterion.code())) {
                task.setVariableLocal(EvaluationForms.agreedKey(criterion), agreed.get(criterion.code()));
            }
        }
        Long campaignId = context.campaign().getId();
        task.setVariableLocal(Variables.EVALUATIONS_SIDE_BY_SIDE, sideBySide(component, context.scale(), all, agreed, userId -> jurors
                .findByCampaignIdAndUserId(campaignId, userId).map(Juror::getDisplayName).orElse(userId)));
        task.setVariableLocal(Variables.DOCUMENTS_SUMMARY, documents.markdownLinks(production.getId()));
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

    private void completed(DelegateTask task, ProductionContexts.Context context) {
        List<ConsolidatedRating> ratings = harmonised(task, context);
        consolidated.deleteByProductionId(context.production().getId());
        consolidated.flush();
        consolidated.saveAll(ratings);
    }

    /** The ratings the president retained, from the task's own variables, once checked: who decides and what. */
    private List<ConsolidatedRating> harmonised(DelegateTask task, ProductionContexts.Context context) {
        Production production = context.production();
        Component component = context.component();
        String president = TaskActors.requireMember(task, Groups.JURY_PRESIDENTS,
                "Seul un président de jury harmonise les évaluations.");
        List<String> problems = new ArrayList<>();
        List<ConsolidatedRating> ratings = new ArrayList<>();
        Map<String, String> before = consolidated.findByProductionIdOrderByCriterionCode(production.getId()).stream()
                .filter(rating -> !rating.isHarmonised())
                .collect(Collectors.toMap(ConsolidatedRating::getCriterionCode, ConsolidatedRating::getRating));
        String comment = FormValues.text(task.getVariableLocal(Variables.HARMONISATION_COMMENT));
        for (Criterion criterion : component.criteria()) {
            String rating = context.scale().level(FormValues.text(task.getVariableLocal(EvaluationForms.agreedKey(criterion))))
                    .map(Regulation.Level::code).orElse(null);
            if (rating == null) {
                problems.add("critère « " + criterion.title() + " » : appréciation retenue manquante");
                continue;
            }
            boolean harmonised = !rating.equals(before.get(criterion.code()));
            ratings.add(new ConsolidatedRating(production.getId(), criterion.code(), rating, harmonised,
                    harmonised ? comment : null, harmonised ? president : null));
        }
        if (comment == null || comment.isBlank()) {
            problems.add("justifiez l'harmonisation dans le commentaire");
        } else if (comment.length() > 4000) {
            problems.add("la justification dépasse 4000 caractères");
        }
        if (!problems.isEmpty()) {
            throw new ProcessException("Harmonisation incomplète : " + String.join(" ; ", problems));
        }
        return ratings;
    }
}
