package fr.certiflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.notification.MailTemplates;
import fr.certiflow.notification.Notifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.test.util.ReflectionTestUtils;

/** The end of a campaign: the proposal's summary, the minutes, the results mailed once. No engine, no Spring. */
@Tag("unit")
class CampaignResultsTests {

    final CampaignRepository campaigns = mock(CampaignRepository.class);
    final CandidateRepository candidates = mock(CandidateRepository.class);
    final Certifications certifications = mock(Certifications.class);
    final Notifier notifier = mock(Notifier.class);
    final CampaignResults results = new CampaignResults(campaigns, candidates, certifications, notifier);
    final Campaign campaign = mock(Campaign.class);
    final Candidate lea = candidate(10L, "2027-001", "Martin", "Léa");
    final Candidate hugo = candidate(11L, "2027-002", "Bernard", "Hugo");
    final Candidate chloe = candidate(12L, "2027-003", "Dubois", "Chloé");

    static Candidate candidate(long id, String number, String lastName, String firstName) {
        Candidate candidate = new Candidate(5L, number, lastName, firstName, firstName.toLowerCase() + "@example.org");
        ReflectionTestUtils.setField(candidate, "id", id);
        return candidate;
    }

    @BeforeEach
    void campaign() {
        when(campaign.getId()).thenReturn(5L);
        when(campaign.getName()).thenReturn("Session 2027");
        when(campaigns.findById(5L)).thenReturn(Optional.of(campaign));
        when(candidates.findByCampaignIdOrderByNumber(5L)).thenReturn(List.of(lea, hugo, chloe));
    }

    @Test
    void theProposalIsMadeForTheWholeCohortAndSummedUpByItsCounts() {
        when(certifications.propose(campaign, List.of(lea, hugo, chloe))).thenReturn(2);

        assertThat(results.proposeCertification(5L))
                .isEqualTo("Proposition : certification délivrée à **2** candidat(s) sur 3.");
    }

    @Test
    void drawingUpTheMinutesClosesTheCampaign() {
        results.drawUpMinutes(5L);

        verify(campaign).close();
    }

    @Test
    void eachCandidateWithADecisionIsMailedItOnceWithWhatToDoNextThenResultsArePublished() {
        when(certifications.decision(5L, 10L)).thenReturn(Optional.of(new Certifications.Decision("Certification délivrée", true)));
        when(certifications.decision(5L, 11L)).thenReturn(Optional.of(new Certifications.Decision("Certification refusée", false)));
        when(certifications.decision(5L, 12L)).thenReturn(Optional.empty());

        results.publish(5L);

        InOrder order = inOrder(notifier, campaign);
        order.verify(notifier).queue(MailTemplates.RESULT, "léa@example.org", Map.of(
                "candidat", "Léa Martin", "campagne", "Session 2027", "decision", "Certification délivrée",
                "suite", "aucune démarche n'est nécessaire ; le certificateur vous fera parvenir votre parchemin."),
                null, "result:5:10");
        order.verify(notifier).queue(MailTemplates.RESULT, "hugo@example.org", Map.of(
                "candidat", "Hugo Bernard", "campagne", "Session 2027", "decision", "Certification refusée",
                "suite", "prenez contact avec le coordinateur de la session pour connaître les blocs à repasser et les prochaines sessions."),
                null, "result:5:11");
        order.verify(campaign).publishResults();
        verify(notifier, never()).queue(anyString(), eq("chloé@example.org"), anyMap(), isNull(), anyString());
        verify(certifications, never()).propose(any(), any());
        verify(certifications, never()).decision(eq(6L), anyLong());
    }
}
