package fr.certiflow.evaluation;

import static fr.certiflow.evaluation.EvaluationFixtures.context;
import static fr.certiflow.evaluation.EvaluationFixtures.form;
import static fr.certiflow.evaluation.EvaluationFixtures.production;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.errors.ConflictException;
import fr.certiflow.errors.ForbiddenException;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.production.GroupSitting;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionDocuments;
import fr.certiflow.production.ProductionStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class GroupEvaluationsTests {

    static final String SITTING = "group:CAMP/G1/A.1";

    final EvaluationRepository recorded = mock(EvaluationRepository.class);
    final JuryAssignmentRepository assignments = mock(JuryAssignmentRepository.class);
    final ProductionContexts contexts = mock(ProductionContexts.class);
    final ProductionDocuments documents = mock(ProductionDocuments.class);
    final EvaluationGrids grids = mock(EvaluationGrids.class);
    final CandidateRepository candidates = mock(CandidateRepository.class);
    final GroupEvaluations evaluations = new GroupEvaluations(new EvaluationService(recorded, Clock.systemUTC()), recorded,
            assignments, contexts, documents, grids, candidates);
    final GroupSitting sitting = mock(GroupSitting.class);
    final Production lea = production(1);
    final Production hugo = production(2);

    @BeforeEach
    void aGroupOfTwo() {
        when(contexts.sitting(SITTING)).thenReturn(sitting);
        when(contexts.members(sitting)).thenReturn(List.of(lea, hugo));
        ProductionContexts.Context context1 = context(lea, "A.1", false);
        when(contexts.of(1L)).thenReturn(context1);
        when(candidates.findById(101L)).thenReturn(Optional.of(new Candidate(1L, "2027-001", "Martin", "Léa", "lea@example.org")));
        when(candidates.findById(102L)).thenReturn(Optional.of(new Candidate(1L, "2027-002", "Petit", "Hugo", "hugo@example.org")));
        when(documents.markdownLinks(1L)).thenReturn("- [dossier.pdf](/api/files/3)");
        when(grids.gridId(any(), any())).thenReturn(Optional.empty());
        when(sitting.absentProductionIds()).thenReturn(Set.of());
        when(recorded.findByProductionIdAndJurorUserId(any(), any())).thenReturn(Optional.empty());
        when(recorded.findByProductionIdOrderByJurorUserId(any())).thenReturn(List.of());
        when(assignments.existsByProductionIdAndJurorUserId(anyLong(), any())).thenReturn(true);
    }

    @Test
    void theTaskNamesEachMemberLinksTheGroupsGridAndPutsEveryMemberUnderEvaluation() {
        when(grids.gridId(1L, "jure1")).thenReturn(Optional.of(9L));
        when(hugo.getMissingContents()).thenReturn(List.of("Planning"));

        GroupEvaluations.Opening opening = evaluations.open(SITTING, "jure1");

        assertThat(opening.memberCount()).isEqualTo(2);
        assertThat(opening.documents()).isEqualTo("- [dossier.pdf](/api/files/3)");
        assertThat(opening.memberLabels()).containsExactly(Map.entry("member1Label", "Membre 1 — Léa Martin (n° 2027-001)"),
                Map.entry("member2Label", "Membre 2 — Hugo Petit (n° 2027-002)"));
        assertThat(opening.gridLinks()).contains("- [Grille d'évaluation du groupe (Excel) : une feuille par membre](/api/grids/9)\n");
        assertThat(opening.admissibilityNote()).get().asString().contains("- Planning");
        verify(lea).moveTo(ProductionStatus.UNDER_EVALUATION);
        verify(hugo).moveTo(ProductionStatus.UNDER_EVALUATION);
    }

    @Test
    void aSittingOpenedBeforeGroupGridsLinksEachMembersGridAndOneWithoutGridsLinksNone() {
        assertThat(evaluations.open(SITTING, "jure1").gridLinks()).isEmpty();

        when(grids.gridId(1L, "jure1")).thenReturn(Optional.of(9L));
        when(grids.gridId(2L, "jure1")).thenReturn(Optional.of(10L));
        assertThat(evaluations.open(SITTING, "jure1").gridLinks()).contains(
                "- [Grille d'évaluation (Excel) de Léa Martin (n° 2027-001)](/api/grids/9)\n"
                        + "- [Grille d'évaluation (Excel) de Hugo Petit (n° 2027-002)](/api/grids/10)\n");
    }

    @Test
    void eachMemberIsEvaluatedOrRecordedAbsent() {
        Map<String, Object> form = new HashMap<>(form("A.1", "M1_", "ACQUIS"));
        form.put("M2_absent", true);

        evaluations.record(SITTING, submission("jure1", form));

        verify(recorded).save(org.mockito.ArgumentMatchers.argThat(evaluation -> evaluation.getProductionId() == 1L
                && evaluation.getJurorUserId().equals("jure1") && evaluation.getChannel().equals("FORM")));
        verify(sitting).recordAbsent(2L);
        verify(sitting, never()).recordAbsent(1L);
    }

    @Test
    void aJurorMayNotRecordAbsentAMemberAnotherJurorEvaluated() {
        when(recorded.findByProductionIdOrderByJurorUserId(2L)).thenReturn(List.of(mock(Evaluation.class)));
        Map<String, Object> form = new HashMap<>(form("A.1", "M1_", "ACQUIS"));
        form.put("M2_absent", true);

        assertThatThrownBy(() -> evaluations.check(SITTING, submission("jure2", form)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Hugo Petit (n° 2027-002) a été évalué(e) par un autre juré de la séance : il ou elle était "
                        + "présent(e) à la soutenance. Évaluez ce membre.");
    }

    @Test
    void aJurorMayNotEvaluateAMemberAnotherJurorRecordedAbsent() {
        when(sitting.absentProductionIds()).thenReturn(Set.of(1L));
        Map<String, Object> form = new HashMap<>(form("A.1", "M1_", "ACQUIS"));
        form.putAll(form("A.1", "M2_", "ACQUIS"));

        assertThatThrownBy(() -> evaluations.check(SITTING, submission("jure2", form)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Léa Martin (n° 2027-001) a été déclaré(e) absent(e) à la soutenance par un autre juré de la séance : "
                        + "cochez « absent(e) à la soutenance » pour ce membre.");
    }

    @Test
    void anIncompleteSectionIsRefusedNamingTheMember() {
        Map<String, Object> form = new HashMap<>(form("A.1", "M1_", "ACQUIS"));

        assertThatThrownBy(() -> evaluations.check(SITTING, submission("jure1", form)))
                .isInstanceOf(RefusedException.class)
                .hasMessageStartingWith("Hugo Petit (n° 2027-002) : Évaluation incomplète : critère « ")
                .hasMessageContaining("appréciation manquante");
    }

    @Test
    void onlyTheDesignatedJurorOfEveryMemberSubmitsOnce() {
        Map<String, Object> form = new HashMap<>(form("A.1", "M1_", "ACQUIS"));
        form.putAll(form("A.1", "M2_", "ACQUIS"));

        assertThatThrownBy(() -> evaluations.check(SITTING, new JurorEvaluations.Submission("jure1", "jure1", Optional.of("coordo"), form)))
                .isInstanceOf(ForbiddenException.class).hasMessage("Seul le juré désigné (jure1) peut enregistrer cette évaluation.");
        when(assignments.existsByProductionIdAndJurorUserId(2L, "jure1")).thenReturn(false);
        assertThatThrownBy(() -> evaluations.check(SITTING, submission("jure1", form)))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("jure1 n'est pas juré de Hugo Petit (n° 2027-002) : son évaluation ne peut pas être enregistrée.");
        when(recorded.findByProductionIdAndJurorUserId(1L, "jure1")).thenReturn(Optional.of(mock(Evaluation.class)));
        assertThatThrownBy(() -> evaluations.record(SITTING, submission("jure1", form)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("L'évaluation de jure1 pour Léa Martin (n° 2027-001) est déjà enregistrée : elle ne se modifie plus.");
        verify(recorded, never()).save(any());
    }

    private static JurorEvaluations.Submission submission(String juror, Map<String, ?> form) {
        return new JurorEvaluations.Submission(juror, juror, Optional.of(juror), form);
    }
}
