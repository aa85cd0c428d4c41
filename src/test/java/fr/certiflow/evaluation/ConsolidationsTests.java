package fr.certiflow.evaluation;

import static fr.certiflow.evaluation.EvaluationFixtures.component;
import static fr.certiflow.evaluation.EvaluationFixtures.context;
import static fr.certiflow.evaluation.EvaluationFixtures.production;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.jury.JuryAssignment;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.process.Variables;
import fr.certiflow.production.GroupSitting;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionStatus;
import fr.certiflow.referential.model.Criterion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

@Tag("unit")
class ConsolidationsTests {

    final EvaluationRepository evaluations = mock(EvaluationRepository.class);
    final ConsolidatedRatingRepository consolidated = mock(ConsolidatedRatingRepository.class);
    final JuryAssignmentRepository assignments = mock(JuryAssignmentRepository.class);
    final ProductionContexts contexts = mock(ProductionContexts.class);
    final Consolidations consolidations = new Consolidations(evaluations, consolidated, assignments, contexts);
    final List<Criterion> criteria = component("A.4").criteria();
    final Production production = production(7);

    @BeforeEach
    void twoJurors() {
        ProductionContexts.Context context7 = context(production, "A.4", false);
        when(contexts.of(7L)).thenReturn(context7);
        when(assignments.findByProductionIdOrderByJurorUserId(any())).thenReturn(List.of(
                new JuryAssignment(7L, "jure1", false, Instant.EPOCH), new JuryAssignment(7L, "jure2", false, Instant.EPOCH)));
    }

    @Test
    void jurorsWhoGiveTheSameRatingsAgreeAndTheirRatingsAreConsolidated() {
        evaluated(7L, evaluation("jure1", "ACQUIS", "ACQUIS"), evaluation("jure2", "ACQUIS", "ACQUIS"));

        assertThat(consolidations.consolidate(7)).isTrue();

        ArgumentCaptor<ConsolidatedRating> saved = ArgumentCaptor.forClass(ConsolidatedRating.class);
        verify(consolidated).deleteByProductionId(7L);
        verify(consolidated, times(criteria.size())).save(saved.capture());
        assertThat(saved.getAllValues()).allMatch(rating -> rating.getRating().equals("ACQUIS") && !rating.isHarmonised());
        verify(production, never()).moveTo(any());
    }

    @Test
    void aCriterionRatedDifferentlyOrLeftUnratedGoesToHarmonisationAndTheOthersAreConsolidated() {
        evaluated(7L, evaluation("jure1", "ACQUIS", "ACQUIS"), evaluation("jure2", "NON_ACQUIS", "ACQUIS"));

        assertThat(consolidations.consolidate(7)).isFalse();

        verify(consolidated, times(criteria.size() - 1)).save(any());
        verify(production).moveTo(ProductionStatus.HARMONISATION);

        evaluated(7L, evaluation("jure1", null, "ACQUIS"), evaluation("jure2", null, "ACQUIS"));
        assertThat(consolidations.consolidate(7)).as("no rating is no agreement").isFalse();
    }

    @Test
    void nothingIsConsolidatedBeforeEveryAssignedJurorHasEvaluated() {
        evaluated(7L, evaluation("jure1", "ACQUIS", null));

        assertThatThrownBy(() -> consolidations.consolidate(7)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Production 7 has 1 evaluations for 2 assigned jurors: nothing to consolidate");
        evaluated(7L);
        assertThatThrownBy(() -> consolidations.consolidate(7)).isInstanceOf(IllegalStateException.class);
        verify(consolidated, never()).deleteByProductionId(any());
    }

    @Test
    void aSittingConsolidatesEachMemberPresentAtTheOral() {
        GroupSitting sitting = mock(GroupSitting.class);
        Production absent = production(8);
        when(contexts.sitting("group:CAMP/G1/A.4")).thenReturn(sitting);
        when(contexts.members(sitting)).thenReturn(List.of(production, absent));
        when(sitting.absentProductionIds()).thenReturn(Set.of(8L));
        evaluated(7L, evaluation("jure1", "ACQUIS", null), evaluation("jure2", "NON_ACQUIS", null));

        consolidations.consolidateSitting("group:CAMP/G1/A.4");

        verify(consolidated).deleteByProductionId(7L);
        verify(production).moveTo(ProductionStatus.HARMONISATION);
        verify(consolidated, never()).deleteByProductionId(8L);
        verify(evaluations, never()).findByProductionIdOrderByJurorUserId(8L);
    }

    @Test
    void theDecisionTableGetsTheShareOfCriteriaAcquiredAndTheReglementsMinimum() {
        when(consolidated.findByProductionIdOrderByCriterionCode(7L)).thenReturn(criteria.stream()
                .map(criterion -> new ConsolidatedRating(7L, criterion.code(),
                        criterion == criteria.get(0) ? "NON_ACQUIS" : "ACQUIS", false, null, null)).toList());

        Map<String, Object> inputs = consolidations.outcomeInputs(7);

        assertThat(inputs.get(Variables.ACQUIRED_PERCENT)).isEqualTo((criteria.size() - 1) * 100.0 / criteria.size());
        assertThat(((TypedValue) inputs.get(Variables.MINIMUM_ACQUIRED_PERCENT)).getValue()).isEqualTo(100);
        assertThat(((TypedValue) inputs.get(Variables.REQUIRED_CRITERIA_ACQUIRED)).getValue()).isEqualTo(true);
    }

    private void evaluated(long productionId, Evaluation... all) {
        when(evaluations.findByProductionIdOrderByJurorUserId(productionId)).thenReturn(List.of(all));
    }

    /** The juror's evaluation: {@code first} on the first criterion, {@code others} on the others (null: unrated). */
    private Evaluation evaluation(String juror, String first, String others) {
        return new Evaluation(7L, juror, "FORM", Instant.EPOCH, criteria.stream()
                .filter(criterion -> (criterion == criteria.get(0) ? first : others) != null)
                .map(criterion -> new CriterionRating(criterion.code(), criterion == criteria.get(0) ? first : others,
                        List.of(), null)).toList());
    }
}
