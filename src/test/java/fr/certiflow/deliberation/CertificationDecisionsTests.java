package fr.certiflow.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.Certifications;
import fr.certiflow.regulation.Regulations;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Each candidate's certification proposal: which blocs count as acquired (validated at their latest attempt, or
 * acquired earlier and still valid under the règlement), what the decision table is asked, what is recorded.
 */
@Tag("unit")
class CertificationDecisionsTests {

    private final CampaignReferentials referentials = mock(CampaignReferentials.class);
    private final BlocResultRepository blocResults = mock(BlocResultRepository.class);
    private final CertificationDecisionRepository decisions = mock(CertificationDecisionRepository.class);
    private final CertificationDecisions service = new CertificationDecisions(referentials, blocResults, decisions);
    /** Opens on 1 May 2027 (Paris); its id is null, as the repositories are stubbed with it. */
    private final Campaign campaign = new Campaign("MMDC-2027", "Session 2027", "MMDC", 1,
            Instant.parse("2027-04-30T22:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
    /** What the decision table was asked: acquired blocs, blocs, minimum. */
    private final List<List<Integer>> asked = new ArrayList<>();
    private final CertificationDecisions.ProposalTable table = (acquired, blocs, minimum) -> {
        asked.add(List.of(acquired, blocs, minimum));
        return acquired >= minimum ? "DELIVREE" : "NON_DELIVREE";
    };

    @BeforeEach
    void referential() {
        when(referentials.of(campaign)).thenReturn(Regulations.seed());
        when(referentials.regulation(campaign)).thenReturn(Regulations.fourLevels());
    }

    private static Candidate candidate(Long id, Map<String, LocalDate> acquired) {
        Candidate candidate = mock(Candidate.class);
        when(candidate.getId()).thenReturn(id);
        when(candidate.getAcquiredBlocs()).thenReturn(new LinkedHashMap<>(acquired));
        return candidate;
    }

    private void results(Long candidate, BlocResult... results) {
        when(blocResults.findByCampaignIdAndCandidateIdOrderByBlocCodeAscAttemptAsc(null, candidate)).thenReturn(List.of(results));
    }

    private static BlocResult result(Long candidate, String bloc, int attempt, String decision) {
        return new BlocResult(null, candidate, bloc, attempt, decision, decision, null, "paul", Instant.EPOCH);
    }

    @Test
    void a_bloc_counts_when_validated_at_its_latest_attempt_or_acquired_earlier_and_still_valid() {
        Candidate candidate = candidate(1L, Map.of("BC2", LocalDate.parse("2023-06-30"), "BC3", LocalDate.parse("2021-06-30")));
        results(1L, result(1L, "BC1", 1, "AJOURNE"), result(1L, "BC1", 2, "VALIDE"), result(1L, "BC3", 1, "VALIDE"),
                result(1L, "BC3", 2, "NON_VALIDE"));

        assertThat(service.acquiredBlocs(campaign, candidate, Regulations.seed(), Regulations.fourLevels()))
                .containsExactlyInAnyOrder("BC1", "BC2");
    }

    @Test
    void under_a_reglement_without_validity_an_old_bloc_still_counts() {
        Candidate candidate = candidate(1L, Map.of("BC3", LocalDate.parse("2010-06-30")));
        results(1L);

        assertThat(service.acquiredBlocs(campaign, candidate, Regulations.seed(), Regulations.shipped()))
                .containsExactly("BC3");
    }

    @Test
    void proposes_each_candidate_from_the_table_and_counts_the_awarded() {
        Candidate awarded = candidate(1L, Map.of("BC2", LocalDate.parse("2024-06-30")));
        Candidate notAwarded = candidate(2L, Map.of());
        results(1L, result(1L, "BC1", 1, "VALIDE"));
        results(2L, result(2L, "BC1", 1, "VALIDE"), result(2L, "BC2", 1, "NON_VALIDE"));

        assertThat(service.propose(campaign, List.of(awarded, notAwarded), table)).isEqualTo(1);

        assertThat(asked).containsExactly(List.of(2, 3, 2), List.of(1, 3, 2));
        ArgumentCaptor<CertificationDecision> saved = ArgumentCaptor.forClass(CertificationDecision.class);
        verify(decisions, times(2)).save(saved.capture());
        assertThat(saved.getAllValues()).extracting(CertificationDecision::getCandidateId, CertificationDecision::getProposed)
                .containsExactly(tuple(1L, "DELIVREE"), tuple(2L, "NON_DELIVREE"));
    }

    @Test
    void the_shipped_reglement_asks_the_table_for_every_bloc() {
        when(referentials.regulation(campaign)).thenReturn(Regulations.shipped());
        results(1L, result(1L, "BC1", 1, "VALIDE"));

        service.propose(campaign, List.of(candidate(1L, Map.of())), table);

        assertThat(asked).containsExactly(List.of(1, 3, 3));
    }

    @Test
    void proposing_again_replaces_the_earlier_proposal() {
        CertificationDecision earlier = new CertificationDecision(null, 1L, "NON_DELIVREE");
        when(decisions.findByCampaignIdAndCandidateId(null, 1L)).thenReturn(Optional.of(earlier));
        results(1L, result(1L, "BC1", 1, "VALIDE"), result(1L, "BC2", 1, "VALIDE"));

        service.propose(campaign, List.of(candidate(1L, Map.of())), table);

        assertThat(earlier.getProposed()).isEqualTo("DELIVREE");
        verify(decisions).save(any());
        verify(decisions).save(earlier);
    }

    @Test
    void the_decision_a_candidate_reads_once_the_jury_decided() {
        CertificationDecision decision = new CertificationDecision(7L, 1L, "NON_DELIVREE");
        CertificationJury jury = new CertificationJury(7L, "paul", Instant.EPOCH, CertificationDeliberationTests.POLICY, List.of());
        decision.decide(jury, "DELIVREE", "Dossier revu.");
        when(decisions.findByCampaignIdAndCandidateId(7L, 1L)).thenReturn(Optional.of(decision));

        assertThat(service.decision(7L, 1L)).contains(new Certifications.Decision("Certification délivrée", true));
        assertThat(service.decision(7L, 2L)).isEmpty();
    }
}
