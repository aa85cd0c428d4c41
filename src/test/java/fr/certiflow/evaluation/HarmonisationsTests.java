package fr.certiflow.evaluation;

import static fr.certiflow.evaluation.EvaluationFixtures.component;
import static fr.certiflow.evaluation.EvaluationFixtures.context;
import static fr.certiflow.evaluation.EvaluationFixtures.production;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.errors.RefusedException;
import fr.certiflow.jury.Juror;
import fr.certiflow.jury.JurorRepository;
import fr.certiflow.process.Variables;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionDocuments;
import fr.certiflow.referential.model.Criterion;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

@Tag("unit")
class HarmonisationsTests {

    final EvaluationRepository evaluations = mock(EvaluationRepository.class);
    final ConsolidatedRatingRepository consolidated = mock(ConsolidatedRatingRepository.class);
    final ProductionContexts contexts = mock(ProductionContexts.class);
    final ProductionDocuments documents = mock(ProductionDocuments.class);
    final JurorRepository jurors = mock(JurorRepository.class);
    final Harmonisations harmonisations = new Harmonisations(evaluations, consolidated, contexts, documents, jurors);
    final List<Criterion> criteria = component("A.4").criteria();

    @BeforeEach
    void jurorsDisagreeOnTheSecondCriterion() {
        ProductionContexts.Context context7 = context(production(7), "A.4", false);
        when(contexts.of(7L)).thenReturn(context7);
        when(documents.markdownLinks(7L)).thenReturn("- [plan.pdf](/api/files/1)");
        when(consolidated.findByProductionIdOrderByCriterionCode(7L)).thenReturn(criteria.stream()
                .filter(criterion -> criterion != criteria.get(1))
                .map(criterion -> new ConsolidatedRating(7L, criterion.code(), "ACQUIS", false, null, null)).toList());
        when(evaluations.findByProductionIdOrderByJurorUserId(7L)).thenReturn(List.of(
                evaluation("jure1", "ACQUIS", null), evaluation("jure2", "NON_ACQUIS", "Planning *absent*\nà revoir")));
        when(jurors.findByCampaignIdAndUserId(1L, "jure1")).thenReturn(Optional.of(new Juror(1L, "jure1", "Anne Roux", false, false, false, 5)));
    }

    @Test
    void theTaskShowsTheAgreedRatingsPrefilledAndTheEvaluationsSideBySide() {
        Harmonisations.Opening opening = harmonisations.open(7);

        assertThat(opening.agreed()).hasSize(criteria.size() - 1)
                .containsEntry(EvaluationForms.agreedKey(criteria.get(0)), "ACQUIS")
                .doesNotContainKey(EvaluationForms.agreedKey(criteria.get(1)));
        assertThat(opening.documents()).isEqualTo("- [plan.pdf](/api/files/1)");
        assertThat(opening.sideBySide()).startsWith("#### Critère 1 — " + criteria.get(0).title() + " — concordant\n\n"
                + "- **Anne Roux** : Acquis\n- **jure2** : Acquis\n\n#### Critère 2 — ")
                .contains(" — **à harmoniser**\n\n- **Anne Roux** : Acquis\n"
                        + "- **jure2** : Non acquis — « Planning \\*absent\\* à revoir »\n");
    }

    @Test
    void aRatingThatDiffersFromTheAgreedOneIsHarmonisedByThePresident() {
        Map<String, Object> form = decision("ACQUIS");
        form.put(EvaluationForms.agreedKey(criteria.get(0)), "NON_ACQUIS");

        List<ConsolidatedRating> ratings = harmonisations.retained(7, "president", form);

        assertThat(ratings).extracting(ConsolidatedRating::getCriterionCode).containsExactlyElementsOf(
                criteria.stream().map(Criterion::code).toList());
        assertThat(ratings.get(0).isHarmonised()).isTrue();
        assertThat(ratings.get(0).getRating()).isEqualTo("NON_ACQUIS");
        assertThat(ratings.get(0).getComment()).isEqualTo("Le planning est au dossier.");
        assertThat(ratings.get(0).getDecidedBy()).isEqualTo("president");
        assertThat(ratings.get(1).isHarmonised()).as("no agreed rating before").isTrue();
        assertThat(ratings.get(2).isHarmonised()).isFalse();
        assertThat(ratings.get(2).getComment()).isNull();
        assertThat(ratings.get(2).getDecidedBy()).isNull();
    }

    @Test
    void everyRatingAndAJustificationAreRequired() {
        Map<String, Object> form = decision("ACQUIS");
        form.remove(EvaluationForms.agreedKey(criteria.get(1)));
        form.put(Variables.HARMONISATION_COMMENT, "  ");

        assertThatThrownBy(() -> harmonisations.record(7, "president", form))
                .isInstanceOf(RefusedException.class)
                .hasMessage("Harmonisation incomplète : critère « " + criteria.get(1).title()
                        + " » : appréciation retenue manquante ; justifiez l'harmonisation dans le commentaire");
        verify(consolidated, never()).deleteByProductionId(any());

        form.put(EvaluationForms.agreedKey(criteria.get(1)), "ACQUIS");
        form.put(Variables.HARMONISATION_COMMENT, "x".repeat(4001));
        assertThatThrownBy(() -> harmonisations.retained(7, "president", form))
                .hasMessage("Harmonisation incomplète : la justification dépasse 4000 caractères");
    }

    @Test
    void theRetainedRatingsReplaceTheConsolidatedOnes() {
        when(consolidated.saveAll(any())).thenAnswer(call -> call.getArgument(0));

        List<ConsolidatedRating> ratings = harmonisations.record(7, "president", decision("ACQUIS"));

        InOrder order = inOrder(consolidated);
        order.verify(consolidated).deleteByProductionId(7L);
        order.verify(consolidated).flush();
        order.verify(consolidated).saveAll(org.mockito.ArgumentMatchers.argThat((List<ConsolidatedRating> saved) ->
                saved.size() == criteria.size() && saved.stream().filter(ConsolidatedRating::isHarmonised).count() == 1));
        assertThat(ratings).hasSize(criteria.size());
    }

    private Map<String, Object> decision(String rating) {
        Map<String, Object> form = new HashMap<>();
        criteria.forEach(criterion -> form.put(EvaluationForms.agreedKey(criterion), rating));
        form.put(Variables.HARMONISATION_COMMENT, "Le planning est au dossier.");
        return form;
    }

    private Evaluation evaluation(String juror, String second, String comment) {
        return new Evaluation(7L, juror, "FORM", Instant.parse("2027-03-01T10:00:00Z"), criteria.stream()
                .map(criterion -> criterion == criteria.get(1)
                        ? new CriterionRating(criterion.code(), second, List.of(), comment)
                        : new CriterionRating(criterion.code(), "ACQUIS", List.of(), null))
                .toList());
    }
}
