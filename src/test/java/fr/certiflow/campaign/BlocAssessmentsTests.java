package fr.certiflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Referential;
import fr.certiflow.regulation.Regulation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The bloc assessments a campaign starts, and how the process carries each. No engine, no Spring. */
@Tag("unit")
class BlocAssessmentsTests {

    final CampaignRepository campaigns = mock(CampaignRepository.class);
    final CandidateRepository candidates = mock(CandidateRepository.class);
    final CampaignReferentials referentials = mock(CampaignReferentials.class);
    final BlocAssessments assessments = new BlocAssessments(campaigns, candidates, referentials);

    static Candidate candidate(long id, String number) {
        Candidate candidate = new Candidate(5L, number, "Martin", "Léa", number + "@example.org");
        ReflectionTestUtils.setField(candidate, "id", id);
        return candidate;
    }

    @Test
    void everyCandidateTimesEveryBlocTheCampaignAssessesForThemInNumberThenBlocOrder() {
        Campaign campaign = mock(Campaign.class);
        when(campaign.getId()).thenReturn(5L);
        when(campaigns.findById(5L)).thenReturn(Optional.of(campaign));
        when(referentials.of(campaign)).thenReturn(new Referential("MMDC", 1, "MMDC", List.of(
                new Bloc("B1", 1, "Bloc 1", List.of()), new Bloc("B2", 2, "Bloc 2", List.of()))));
        Regulation regulation = mock(Regulation.class);
        Regulation.BlocRule rule = mock(Regulation.BlocRule.class);
        when(regulation.bloc()).thenReturn(rule);
        when(referentials.regulation(campaign)).thenReturn(regulation);
        Candidate lea = candidate(10L, "2027-001");
        Candidate hugo = candidate(11L, "2027-002");
        when(candidates.findByCampaignIdOrderByNumber(5L)).thenReturn(List.of(lea, hugo));
        when(campaign.assesses(any(), any(), eq(rule))).thenReturn(true);
        when(campaign.assesses(hugo, "B1", rule)).thenReturn(false); // acquired in an earlier campaign

        assertThat(assessments.toStart(5L)).containsExactly("10|2027-001|B1", "10|2027-001|B2", "11|2027-002|B2");
    }

    @Test
    void anAssessmentKeyGivesItsCandidateItsBlocAndTheBusinessKeyOfItsProcess() {
        BlocAssessments.Assessment assessment = BlocAssessments.Assessment.parse("10|2027-001|B|2");

        assertThat(assessment).isEqualTo(new BlocAssessments.Assessment(10L, "2027-001", "B|2"));
        assertThat(assessment.key()).isEqualTo("10|2027-001|B|2");
        assertThat(assessment.businessKey("MMDC-2027")).isEqualTo("MMDC-2027/2027-001/B|2");
    }
}
