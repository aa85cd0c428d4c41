package fr.certiflow.evaluation;

import static fr.certiflow.evaluation.EvaluationFixtures.component;
import static fr.certiflow.evaluation.EvaluationFixtures.context;
import static fr.certiflow.evaluation.EvaluationFixtures.form;
import static fr.certiflow.evaluation.EvaluationFixtures.production;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.errors.ForbiddenException;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionDocuments;
import fr.certiflow.production.ProductionStatus;
import fr.certiflow.referential.model.Criterion;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

@Tag("unit")
class JurorEvaluationsTests {

    final EvaluationRepository recorded = mock(EvaluationRepository.class);
    final JuryAssignmentRepository assignments = mock(JuryAssignmentRepository.class);
    final ProductionContexts contexts = mock(ProductionContexts.class);
    final ProductionDocuments documents = mock(ProductionDocuments.class);
    final EvaluationGrids grids = mock(EvaluationGrids.class);
    final JurorEvaluations evaluations = new JurorEvaluations(
            new EvaluationService(recorded, Clock.fixed(Instant.parse("2027-03-01T10:00:00Z"), ZoneOffset.UTC)),
            recorded, assignments, contexts, documents, grids);
    final Production production = production(7);

    @BeforeEach
    void aProductionOfA4() {
        ProductionContexts.Context context7 = context(production, "A.4", false);
        when(contexts.of(7L)).thenReturn(context7);
        when(documents.markdownLinks(7L)).thenReturn("- [plan.pdf](/api/files/1)");
        when(grids.gridId(any(), any())).thenReturn(Optional.empty());
        when(recorded.findByProductionIdAndJurorUserId(any(), any())).thenReturn(Optional.empty());
        when(recorded.save(any())).thenAnswer(call -> call.getArgument(0));
    }

    @Test
    void theTaskOpensWithTheDocumentsAndTheJurorsGridAndPutsTheProductionUnderEvaluation() {
        when(grids.gridId(7L, "jure1")).thenReturn(Optional.of(42L));

        JurorEvaluations.Opening opening = evaluations.open(7, "jure1");

        assertThat(opening.documents()).isEqualTo("- [plan.pdf](/api/files/1)");
        assertThat(opening.gridLink()).contains("[Télécharger ma grille d'évaluation (Excel)](/api/grids/42)");
        assertThat(opening.vaeRoute()).isEmpty();
        assertThat(opening.admissibilityNote()).isEmpty();
        verify(production).moveTo(ProductionStatus.UNDER_EVALUATION);
    }

    @Test
    void aSecondJurorsTaskLeavesAProductionAlreadyUnderEvaluationAsItIsAndHasNoLinkWithoutGrid() {
        when(production.getStatus()).thenReturn(ProductionStatus.UNDER_EVALUATION);

        assertThat(evaluations.open(7, "jure2").gridLink()).isEmpty();
        verify(production, never()).moveTo(any());
    }

    @Test
    void aVaeCandidatesTaskSaysTheRouteAndTheModality() {
        ProductionContexts.Context vae = context(production, "A.4", true);
        when(contexts.of(7L)).thenReturn(vae);

        assertThat(evaluations.open(7, "jure1").vaeRoute())
                .contains(new JurorEvaluations.VaeRoute(vae.route().describe(), vae.route().vaeModality()));
        assertThat(vae.route().describe()).startsWith("VAE");
    }

    @Test
    void theAdmissibilityNoteListsWhatWasMissingAndTheJustification() {
        when(production.getMissingContents()).thenReturn(List.of("Planning", "Budget"));
        when(production.getAdmissibleDespite()).thenReturn("  Transmis à l'oral.  ");

        assertThat(evaluations.open(7, "jure1").admissibilityNote()).contains("**Recevable malgré des éléments manquants.** "
                + "Le coordinateur a relevé l'absence de :\n\n- Planning\n- Budget\n\nJustification : Transmis à l'oral.");

        when(production.getAdmissibleDespite()).thenReturn(" ");
        assertThat(JurorEvaluations.admissibilityNote(production)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .endsWith("- Budget\n").doesNotContain("Justification");
    }

    @Test
    void theTaskStaysWithTheDesignatedJuror() {
        assertThat(JurorEvaluations.keptByDesignatedJuror("jure1", "jure1")).isEqualTo("jure1");
        assertThatThrownBy(() -> JurorEvaluations.keptByDesignatedJuror("jure1", "jure2"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Cette évaluation est celle de jure1 : elle ne peut être ni cédée ni libérée.");
        assertThatThrownBy(() -> JurorEvaluations.keptByDesignatedJuror("jure1", null)).isInstanceOf(ConflictException.class);
    }

    @Test
    void onlyTheDesignatedJurorSubmits() {
        when(assignments.existsByProductionIdAndJurorUserId(7L, "jure1")).thenReturn(true);

        assertThatThrownBy(() -> evaluations.check(7, submission(Optional.of("admin"), form("A.4", "", "ACQUIS"))))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Seul le juré désigné (jure1) peut enregistrer cette évaluation.");
        evaluations.check(7, submission(Optional.empty(), form("A.4", "", "ACQUIS")));
        evaluations.check(7, submission(Optional.of("jure1"), form("A.4", "", "ACQUIS")));
    }

    @Test
    void aJurorNotAssignedToTheProductionIsRefused() {
        assertThatThrownBy(() -> evaluations.check(7, submission(Optional.of("jure1"), form("A.4", "", "ACQUIS"))))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("jure1 n'est pas juré de cette production : son évaluation ne peut pas être enregistrée.");
    }

    @Test
    void anEvaluationIsRecordedOnceAndNeverChanges() {
        when(assignments.existsByProductionIdAndJurorUserId(7L, "jure1")).thenReturn(true);
        when(recorded.findByProductionIdAndJurorUserId(7L, "jure1")).thenReturn(Optional.of(mock(Evaluation.class)));

        assertThatThrownBy(() -> evaluations.record(7, submission(Optional.of("jure1"), form("A.4", "", "ACQUIS")), null))
                .isInstanceOf(ConflictException.class)
                .hasMessage("L'évaluation de jure1 pour cette production est déjà enregistrée : elle ne se modifie plus.");
        verify(recorded, never()).save(any());
    }

    @Test
    void anIncompleteFormIsRefusedCriterionByCriterion() {
        when(assignments.existsByProductionIdAndJurorUserId(7L, "jure1")).thenReturn(true);
        Map<String, Object> form = form("A.4", "", "NON_ACQUIS");
        Criterion first = component("A.4").criteria().get(0);
        form.remove(EvaluationForms.commentKey(first));

        assertThatThrownBy(() -> evaluations.check(7, submission(Optional.of("jure1"), form)))
                .isInstanceOf(EvaluationRefusedException.class)
                .hasMessageContaining("critère « " + first.title() + " » (" + first.code()
                        + ") : un commentaire est obligatoire lorsque le critère est non acquis");
    }

    @Test
    void theRecordedEvaluationKeepsTheMandatoryCommentOfANotAcquiredCriterionAndTheRemarkOfAnAcquiredOne() {
        when(assignments.existsByProductionIdAndJurorUserId(7L, "jure1")).thenReturn(true);
        List<Criterion> criteria = component("A.4").criteria();
        Map<String, Object> form = form("A.4", "", "ACQUIS");
        form.put(EvaluationForms.ratingKey(criteria.get(1)), "NON_ACQUIS");
        form.put(EvaluationForms.indicatorsKey(criteria.get(0)), "[\"I1\",\"I2\"]");

        Evaluation evaluation = evaluations.record(7, submission(Optional.of("jure1"), form), null);

        ArgumentCaptor<Evaluation> saved = ArgumentCaptor.forClass(Evaluation.class);
        verify(recorded).save(saved.capture());
        assertThat(saved.getValue()).isSameAs(evaluation);
        assertThat(evaluation.getChannel()).isEqualTo("FORM");
        assertThat(evaluation.getJurorUserId()).isEqualTo("jure1");
        assertThat(evaluation.rating(criteria.get(0).code()).orElseThrow().getComment()).isEqualTo("Remarque " + criteria.get(0).code());
        assertThat(evaluation.rating(criteria.get(0).code()).orElseThrow().getIndicators()).containsExactly(1, 2);
        assertThat(evaluation.rating(criteria.get(1).code()).orElseThrow().getComment()).isEqualTo("Commentaire " + criteria.get(1).code());
        assertThat(evaluations.record(7, submission(Optional.empty(), form("A.4", "", "ACQUIS")), "GRID").getChannel())
                .isEqualTo("GRID");
    }

    private static JurorEvaluations.Submission submission(Optional<String> actor, Map<String, ?> form) {
        return new JurorEvaluations.Submission("jure1", "jure1", actor, form);
    }
}
