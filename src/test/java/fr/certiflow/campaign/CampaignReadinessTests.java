package fr.certiflow.campaign;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.errors.ConflictException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A campaign is launched once, with a cohort and a jury. No engine, no Spring. */
@Tag("unit")
class CampaignReadinessTests {

    static final Instant NOW = Instant.parse("2027-01-05T09:00:00Z");

    final CampaignRepository campaigns = mock(CampaignRepository.class);
    final CandidateRepository candidates = mock(CandidateRepository.class);
    final JuryPool jurors = mock(JuryPool.class);
    final CampaignReadiness readiness = new CampaignReadiness(campaigns, candidates, jurors, Clock.fixed(NOW, ZoneOffset.UTC));
    final Campaign campaign = mock(Campaign.class);

    @BeforeEach
    void draft() {
        when(campaign.getId()).thenReturn(5L);
        when(campaign.getCode()).thenReturn("MMDC-2027");
        when(campaign.getStatus()).thenReturn(CampaignStatus.DRAFT);
        when(campaigns.findById(5L)).thenReturn(Optional.of(campaign));
        when(candidates.countByCampaignId(5L)).thenReturn(12L);
        when(jurors.jurorCount(5L)).thenReturn(4L);
    }

    @Test
    void aCampaignWithACohortAndAJuryIsReadyAndLaunchedAtOnce() {
        assertThatCode(() -> readiness.check(5L)).doesNotThrowAnyException();

        readiness.launch(5L);

        verify(campaign).launched(NOW);
    }

    @Test
    void aCampaignWithoutCandidateOrWithoutJurorIsRefused() {
        when(candidates.countByCampaignId(5L)).thenReturn(0L);
        assertThatThrownBy(() -> readiness.check(5L)).isInstanceOf(ConflictException.class)
                .hasMessage("La campagne MMDC-2027 n'a aucun candidat : importez la cohorte avant de la lancer.");

        when(candidates.countByCampaignId(5L)).thenReturn(1L);
        when(jurors.jurorCount(5L)).thenReturn(0L);
        assertThatThrownBy(() -> readiness.launch(5L)).isInstanceOf(ConflictException.class)
                .hasMessage("La campagne MMDC-2027 n'a aucun juré : importez le jury avant de la lancer.");
        verify(campaign, never()).launched(any());
    }

    @Test
    void aCampaignLaunchedAlreadyIsNotLaunchedAgain() {
        when(campaign.getStatus()).thenReturn(CampaignStatus.LAUNCHED);

        assertThatThrownBy(() -> readiness.launch(5L)).isInstanceOf(ConflictException.class)
                .hasMessage("La campagne MMDC-2027 est déjà lancée.");
        verify(campaign, never()).launched(any());
    }
}
