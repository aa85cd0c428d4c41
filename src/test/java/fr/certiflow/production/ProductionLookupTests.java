package fr.certiflow.production;

import static fr.certiflow.production.ProductionFixtures.DEADLINE;
import static fr.certiflow.production.ProductionFixtures.REFERENTIAL;
import static fr.certiflow.production.ProductionFixtures.REGULATION;
import static fr.certiflow.production.ProductionFixtures.candidate;
import static fr.certiflow.production.ProductionFixtures.component;
import static fr.certiflow.production.ProductionFixtures.production;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a step works on, found from the business key: a production, or a sitting's members; and its context. */
@Tag("unit")
class ProductionLookupTests {

    private static final String SITTING = "group:MMDC-2027/G1/A.3";

    private final ProductionRepository productions = mock(ProductionRepository.class);
    private final CampaignRepository campaigns = mock(CampaignRepository.class);
    private final CampaignReferentials referentials = mock(CampaignReferentials.class);
    private final CandidateRepository candidates = mock(CandidateRepository.class);
    private final GroupSittingRepository sittings = mock(GroupSittingRepository.class);
    private final ProductionLookup lookup = new ProductionLookup(productions, campaigns, referentials, candidates, sittings);

    private Candidate lea;
    private Production leas;
    private Production hugos;

    @BeforeEach
    void data() {
        lea = candidate(11L, "2027-001", "Léa", "Martin");
        Candidate hugo = candidate(12L, "2027-002", "Hugo", "Bernard");
        when(candidates.findById(11L)).thenReturn(Optional.of(lea));
        when(candidates.findById(12L)).thenReturn(Optional.of(hugo));
        leas = production(1L, lea, "A.3", DEADLINE);
        hugos = production(2L, hugo, "A.3", DEADLINE);
        when(sittings.findByBusinessKey(SITTING)).thenReturn(Optional.of(
                new GroupSitting(50L, 0, 1L, "A.3", 1, "G1", SITTING, Instant.parse("2027-03-01T10:00:00Z"))));
        // The repository's order is not the candidates'.
        when(productions.findBySubmissionId(50L)).thenReturn(List.of(hugos, leas));
    }

    @Test
    void aProductionProcessWorksOnTheProductionItsKeyNames() {
        when(productions.findByProcessKey(leas.getProcessKey())).thenReturn(Optional.of(leas));
        assertThat(lookup.production(leas.getProcessKey(), Optional.empty())).isSameAs(leas);
        assertThat(lookup.members(leas.getProcessKey(), Optional.empty())).containsExactly(leas);

        assertThatThrownBy(() -> lookup.production("MMDC-2027/2027-009/A.1", Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("No production bound");
        assertThatThrownBy(() -> lookup.production(null, Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no business key");
    }

    @Test
    void aSittingWorksOnItsMembersInCandidateNumberOrder() {
        assertThat(lookup.members(SITTING, Optional.empty())).containsExactly(leas, hugos);
        assertThat(lookup.production(SITTING, Optional.empty())).as("the group's first member").isSameAs(leas);
        assertThat(lookup.production(SITTING, Optional.of(2L))).as("a multi-instance step's member").isSameAs(hugos);
    }

    @Test
    void aMultiInstanceStepMayWorkOnlyOnAMemberOfTheSitting() {
        assertThatThrownBy(() -> lookup.production(SITTING, Optional.of(99L)))
                .isInstanceOf(IllegalStateException.class).hasMessage("Production 99 is no member of group sitting " + SITTING);
        when(productions.findBySubmissionId(50L)).thenReturn(List.of());
        assertThatThrownBy(() -> lookup.members(SITTING, Optional.empty())).hasMessageContaining("has no member");
        assertThatThrownBy(() -> lookup.sitting("group:MMDC-2027/G9/A.3")).hasMessageContaining("No group sitting");
    }

    @Test
    void theContextIsTheCampaignsReferentialRegulationComposanteAndRoute() {
        Campaign campaign = ProductionFixtures.campaign();
        when(productions.findById(1L)).thenReturn(Optional.of(leas));
        when(campaigns.findById(1L)).thenReturn(Optional.of(campaign));
        when(referentials.of(campaign)).thenReturn(REFERENTIAL);
        when(referentials.regulation(campaign)).thenReturn(REGULATION);
        when(referentials.component(campaign, "A.3")).thenReturn(component("A.3"));

        var context = lookup.context(1L);

        assertThat(context.production()).isSameAs(leas);
        assertThat(context.campaign()).isSameAs(campaign);
        assertThat(context.component().code()).isEqualTo("A.3");
        assertThat(context.route()).isEqualTo(new AssessmentRoute(REGULATION, REFERENTIAL, component("A.3"), false));
        assertThat(context.scale()).isEqualTo(REGULATION.scale());
        assertThatThrownBy(() -> lookup.context(9L)).hasMessage("No production 9");
    }
}
