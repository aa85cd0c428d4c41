package fr.certiflow.jury;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;

/** The rule's jury for a production or a sitting, and « no eligible jury » when it finds none. No engine, no Spring. */
@Tag("unit")
class JuryAssignmentsTests {

    static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");
    static final JuryPolicy FRENCH = new JuryPolicy(2, 1, 0, false, true, true, true, "Règlement de test");
    static final JuryPolicy ENGLISH = new JuryPolicy(2, 1, 1, false, true, true, true, "Règlement de test");

    final JuryAssigner assigner = mock(JuryAssigner.class);
    final JuryPolicies policies = mock(JuryPolicies.class);
    final JurorRepository jurors = mock(JurorRepository.class);
    final JuryAssignmentRepository assignments = mock(JuryAssignmentRepository.class);
    final CandidateRepository candidates = mock(CandidateRepository.class);
    final JuryAssignments service = new JuryAssignments(assigner, policies, jurors, assignments, candidates,
            Clock.fixed(NOW, ZoneOffset.UTC));
    final List<Juror> pool = List.of(new Juror(7L, "j1", "Juré 1", true, false, false, 10),
            new Juror(7L, "j2", "Juré 2", false, true, false, 10));

    static Production production(long id, long candidateId) {
        Production production = mock(Production.class);
        when(production.getId()).thenReturn(id);
        when(production.getCampaignId()).thenReturn(7L);
        when(production.getCandidateId()).thenReturn(candidateId);
        return production;
    }

    void candidate(long id, String number, String name, String trainer) {
        Candidate candidate = new Candidate(7L, number, name, "Léa", number + "@example.org");
        candidate.setTrainer(trainer);
        candidate.setEmployer("Agence Horizon");
        ReflectionTestUtils.setField(candidate, "id", id);
        when(candidates.findById(id)).thenReturn(Optional.of(candidate));
    }

    @BeforeEach
    void campaign() {
        when(jurors.findByCampaignIdOrderByUserId(7L)).thenReturn(pool);
        List<Object[]> loads = new ArrayList<>();
        loads.add(new Object[] {"j1", 3L});
        when(assignments.loadsInCampaign(7L)).thenReturn(loads);
        candidate(100L, "2027-001", "Martin", "Claire Dupont");
        candidate(200L, "2027-002", "Bernard", null);
    }

    @Test
    void theRulesJuryIsRecordedAsChosenByTheRuleAndTheProductionHasItsJury() {
        Production production = production(1L, 100L);
        when(policies.forProduction(production)).thenReturn(FRENCH);
        when(assigner.choose(any(), any(), any())).thenReturn(List.of("j1", "j2"));

        service.assign(production);

        ArgumentCaptor<JuryAssigner.Request> request = ArgumentCaptor.forClass(JuryAssigner.Request.class);
        verify(assigner).choose(request.capture(), eq(pool),
                eq(Map.of("j1", 3L)));
        assertThat(request.getValue().policy()).isEqualTo(FRENCH);
        assertThat(request.getValue().candidacies()).singleElement().satisfies(candidacy -> {
            assertThat(candidacy.candidateNumber()).isEqualTo("2027-001");
            assertThat(candidacy.trainer()).isEqualTo("Claire Dupont");
            assertThat(candidacy.employer()).isEqualTo("Agence Horizon");
            assertThat(candidacy.label()).isEqualTo("Léa Martin (n° 2027-001)");
        });
        ArgumentCaptor<JuryAssignment> saved = ArgumentCaptor.forClass(JuryAssignment.class);
        verify(assignments, times(2)).save(saved.capture());
        assertThat(saved.getAllValues()).extracting(JuryAssignment::getProductionId, JuryAssignment::getJurorUserId,
                JuryAssignment::isManual).containsExactly(tuple(1L, "j1", false),
                tuple(1L, "j2", false));
        verify(production).moveTo(ProductionStatus.JURY_ASSIGNED);
    }

    @Test
    void noEligibleJuryIsRefusedWithNothingRecorded() {
        Production production = production(1L, 100L);
        when(policies.forProduction(production)).thenReturn(FRENCH);
        when(assigner.choose(any(), any(), any())).thenReturn(List.of());

        assertThatThrownBy(() -> service.assign(production)).isInstanceOf(NoEligibleJuryException.class)
                .hasMessage("Aucun jury possible selon les règles d'affectation");
        verify(assignments, never()).save(any());
        verify(production, never()).moveTo(any());
    }

    @Test
    void aProductionWithAJuryAlreadyIsLeftAsItIs() {
        Production production = production(1L, 100L);
        when(assignments.findByProductionIdOrderByJurorUserId(1L)).thenReturn(List.of(new JuryAssignment(1L, "j1", false, NOW)));

        service.assign(production);

        verifyNoInteractions(assigner);
        verify(assignments, never()).save(any());
    }

    @Test
    void aSittingGetsOneJuryCheckedAgainstEveryMemberUnderTheStrictestPolicy() {
        Production first = production(1L, 100L);
        Production second = production(2L, 200L);
        when(policies.forProduction(first)).thenReturn(FRENCH);
        when(policies.forProduction(second)).thenReturn(ENGLISH);
        when(assignments.findByProductionIdOrderByJurorUserId(2L)).thenReturn(List.of(new JuryAssignment(2L, "j2", false, NOW)));
        when(assigner.choose(any(), any(), any())).thenReturn(List.of("j1", "j2"));

        service.assignSitting(List.of(first, second), "SITTING-1");

        ArgumentCaptor<JuryAssigner.Request> request = ArgumentCaptor.forClass(JuryAssigner.Request.class);
        verify(assigner).choose(request.capture(), any(), any());
        assertThat(request.getValue().policy()).isEqualTo(ENGLISH);
        assertThat(request.getValue().candidacies()).extracting(JuryRules.Candidacy::candidateNumber)
                .containsExactly("2027-001", "2027-002");
        ArgumentCaptor<JuryAssignment> saved = ArgumentCaptor.forClass(JuryAssignment.class);
        verify(assignments, times(2)).save(saved.capture());
        assertThat(saved.getAllValues()).extracting(JuryAssignment::getProductionId).containsOnly(1L);
        verify(first).moveTo(ProductionStatus.JURY_ASSIGNED);
        verify(second, never()).moveTo(any());
    }

    @Test
    void aSittingWithoutAnEligibleJuryIsRefusedAndOneWhoseMembersAllHaveAJuryIsLeftAsItIs() {
        Production first = production(1L, 100L);
        Production second = production(2L, 200L);
        when(policies.forProduction(any())).thenReturn(FRENCH);
        when(assigner.choose(any(), any(), any())).thenReturn(List.of());

        assertThatThrownBy(() -> service.assignSitting(List.of(first, second), "SITTING-1"))
                .isInstanceOf(NoEligibleJuryException.class);
        verify(assignments, never()).save(any());

        when(assignments.findByProductionIdOrderByJurorUserId(1L)).thenReturn(List.of(new JuryAssignment(1L, "j1", false, NOW)));
        when(assignments.findByProductionIdOrderByJurorUserId(2L)).thenReturn(List.of(new JuryAssignment(2L, "j1", false, NOW)));
        service.assignSitting(List.of(first, second), "SITTING-1");
        verify(assigner, times(1)).choose(any(), any(), any());
    }

    @Test
    void theJurorsOfAProductionAreItsAssignmentsInOrder() {
        when(assignments.findByProductionIdOrderByJurorUserId(1L)).thenReturn(List.of(
                new JuryAssignment(1L, "j1", false, NOW), new JuryAssignment(1L, "j2", true, NOW)));

        assertThat(service.jurors(production(1L, 100L))).containsExactly("j1", "j2");
    }
}
