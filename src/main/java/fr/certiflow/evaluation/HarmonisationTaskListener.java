package fr.certiflow.evaluation;

import fr.certiflow.identity.Groups;
import fr.certiflow.process.ProcessException;
import fr.certiflow.process.SubmissionCheck;
import fr.certiflow.process.TaskActors;
import fr.certiflow.process.Variables;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionDocuments;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Criterion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * The jury president's harmonisation. On create, the task gets the jurors' evaluations side by side and the agreed
 * ratings pre-filled; as the form is submitted, a jury president and a rating for every criterion are required, with a
 * justification; on complete, the ratings become the consolidated ones, with the president who retained them.
 */
@org.springframework.stereotype.Component("harmonisationTaskListener")
public class HarmonisationTaskListener implements TaskListener, SubmissionCheck {

    public static final String SIDE_BY_SIDE = "evaluationsSideBySide";
    public static final String COMMENT = "harmonisationComment";

    private final EvaluationRepository evaluations;
    private final ConsolidatedRatingRepository consolidated;
    private final ProductionContexts contexts;
    private final ProductionDocuments documents;

    HarmonisationTaskListener(EvaluationRepository evaluations, ConsolidatedRatingRepository consolidated,
            ProductionContexts contexts, ProductionDocuments documents) {
        this.evaluations = evaluations;
        this.consolidated = consolidated;
        this.contexts = contexts;
        this.documents = documents;
    }

    @Override
    public Set<String> taskDefinitionKeys() {
        return Set.of("Task_Harmonise");
    }

    @Override
    public void notify(DelegateTask task) {
        ProductionContexts.Context context = contexts.of(task);
        Production production = context.production();
        Component component = context.component();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task, production, component);
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task, production, component);
        }
    }

    @Override
    public void check(DelegateTask task) {
        ProductionContexts.Context context = contexts.of(task);
        harmonised(task, context.production(), context.component());
    }

    private void created(DelegateTask task, Production production, Component component) {
        List<Evaluation> all = evaluations.findByProductionIdOrderByJurorUserId(production.getId());
        Map<String, Rating> agreed = consolidated.findByProductionIdOrderByCriterionCode(production.getId()).stream()
                .collect(Collectors.toMap(ConsolidatedRating::getCriterionCode, ConsolidatedRating::getRating));
        for (Criterion criterion : component.criteria()) {
            Rating rating = agreed.get(criterion.code());
            task.setVariableLocal(EvaluationForms.agreedKey(criterion), rating == null ? null : rating.name());
        }
        task.setVariableLocal(COMMENT, null);
        task.setVariableLocal(SIDE_BY_SIDE, sideBySide(component, all, agreed));
        task.setVariableLocal(Variables.DOCUMENTS_SUMMARY, documents.markdownLinks(production.getId()));
    }

    /** A markdown table: one row per criterion, one column per juror, divergences marked. */
    static String sideBySide(Component component, List<Evaluation> all, Map<String, Rating> agreed) {
        StringBuilder table = new StringBuilder("| Critère |");
        all.forEach(evaluation -> table.append(" Juré ").append(evaluation.getJurorUserId()).append(" |"));
        table.append(" Concordance |\n|---|");
        all.forEach(evaluation -> table.append("---|"));
        table.append("---|\n");
        for (Criterion criterion : component.criteria()) {
            table.append("| ").append(cell(criterion.title())).append(" |");
            for (Evaluation evaluation : all) {
                table.append(' ').append(evaluation.rating(criterion.code()).map(rating -> rating.getRating().label()
                        + (rating.getComment() == null ? "" : " — « " + cell(rating.getComment()) + " »")).orElse("—")).append(" |");
            }
            table.append(agreed.containsKey(criterion.code()) ? " oui |" : " **non** |").append('\n');
        }
        return table.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "/").replace("\n", " ").replaceAll("([\\\\`*_\\[\\]<>])", "\\\\$1");
    }

    private void completed(DelegateTask task, Production production, Component component) {
        Harmonisation harmonisation = harmonised(task, production, component);
        consolidated.deleteByProductionId(production.getId());
        consolidated.flush();
        consolidated.saveAll(harmonisation.ratings());
        task.getExecution().setVariable(Variables.NON_ACQUIS_COUNT, harmonisation.nonAcquis());
        task.getExecution().setVariable(Variables.CRITERIA_COUNT, component.criteria().size());
    }

    private record Harmonisation(List<ConsolidatedRating> ratings, int nonAcquis) {
    }

    /** The ratings the president retained, from the task's own variables, once checked: who decides and what. */
    private Harmonisation harmonised(DelegateTask task, Production production, Component component) {
        String president = TaskActors.requireMember(task, Groups.JURY_PRESIDENTS,
                "Seul un président de jury harmonise les évaluations.");
        List<String> problems = new ArrayList<>();
        List<ConsolidatedRating> ratings = new ArrayList<>();
        Map<String, Rating> before = consolidated.findByProductionIdOrderByCriterionCode(production.getId()).stream()
                .filter(rating -> !rating.isHarmonised())
                .collect(Collectors.toMap(ConsolidatedRating::getCriterionCode, ConsolidatedRating::getRating));
        String comment = FormValues.text(task.getVariableLocal(COMMENT));
        int nonAcquis = 0;
        for (Criterion criterion : component.criteria()) {
            Rating rating = Rating.parse(FormValues.text(task.getVariableLocal(EvaluationForms.agreedKey(criterion)))).orElse(null);
            if (rating == null) {
                problems.add("critère « " + criterion.title() + " » : appréciation retenue manquante");
                continue;
            }
            boolean harmonised = before.get(criterion.code()) != rating;
            ratings.add(new ConsolidatedRating(production.getId(), criterion.code(), rating, harmonised,
                    harmonised ? comment : null, harmonised ? president : null));
            nonAcquis += rating == Rating.NON_ACQUIS ? 1 : 0;
        }
        if (comment == null || comment.isBlank()) {
            problems.add("justifiez l'harmonisation dans le commentaire");
        } else if (comment.length() > 4000) {
            problems.add("la justification dépasse 4000 caractères");
        }
        if (!problems.isEmpty()) {
            throw new ProcessException("Harmonisation incomplète : " + String.join(" ; ", problems));
        }
        return new Harmonisation(ratings, nonAcquis);
    }
}
