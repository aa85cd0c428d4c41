package fr.certiflow.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.campaign.Pathway;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.regulation.Regulations;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Which composantes an attempt assesses and what a bloc's proposal rests on: the seed's référentiel, both règlements. */
@Tag("unit")
class BlocProposalsTests {

    private static final long CAMPAIGN = 7L;
    private static final long CANDIDATE = 42L;

    private final CampaignRepository campaigns = mock(CampaignRepository.class);
    private final CampaignReferentials referentials = mock(CampaignReferentials.class);
    private final ProductionRepository productions = mock(ProductionRepository.class);
    private final CandidateRepository candidates = mock(CandidateRepository.class);
    private final Campaign campaign = mock(Campaign.class);
    private final BlocProposals proposals = new BlocProposals(campaigns, referentials, productions, candidates);

    @BeforeEach
    void campaign() {
        when(campaign.getId()).thenReturn(CAMPAIGN);
        when(campaign.getResitAttempts()).thenReturn(1);
        when(campaigns.findById(CAMPAIGN)).thenReturn(Optional.of(campaign));
        when(referentials.of(campaign)).thenReturn(Regulations.seed());
        when(referentials.regulation(campaign)).thenReturn(Regulations.shipped());
    }

    private void produced(Production... latest) {
        when(productions.findByCampaignIdAndCandidateIdOrderByComponentCodeAscAttemptAsc(CAMPAIGN, CANDIDATE))
                .thenReturn(List.of(latest));
    }

    private static Production production(String component, int attempt, String result) {
        Production production = mock(Production.class);
        when(production.getComponentCode()).thenReturn(component);
        when(production.getAttempt()).thenReturn(attempt);
        when(production.getResult()).thenReturn(result);
        return production;
    }

    @Test
    void the_first_attempt_assesses_every_composante_of_the_bloc() {
        produced(production("A.4", 1, "VALIDE"));

        assertThat(proposals.componentsToAssess(CAMPAIGN, CANDIDATE, "BC3", 1)).containsExactly("A.4", "A.5");
    }

    @Test
    void a_resit_keeping_validated_composantes_assesses_those_not_validated_at_their_latest_attempt() {
        produced(production("A.4", 1, "NON_VALIDE"), production("A.4", 2, "VALIDE"), production("A.5", 1, "VALIDE"),
                production("A.5", 2, "ABSENT"));

        assertThat(proposals.componentsToAssess(CAMPAIGN, CANDIDATE, "BC3", 3)).containsExactly("A.5");
    }

    @Test
    void a_resit_assesses_a_composante_never_produced() {
        produced(production("A.1", 1, "VALIDE"));

        assertThat(proposals.componentsToAssess(CAMPAIGN, CANDIDATE, "BC1", 2)).containsExactly("A.2");
    }

    @Test
    void a_resit_keeping_nothing_assesses_the_whole_bloc_again() {
        when(referentials.regulation(campaign)).thenReturn(Regulations.fourLevels());
        produced(production("A.4", 1, "VALIDE"), production("A.5", 1, "NON_VALIDE"));

        assertThat(proposals.componentsToAssess(CAMPAIGN, CANDIDATE, "BC3", 2)).containsExactly("A.4", "A.5");
    }

    @Test
    void a_bloc_the_campaign_referential_lacks_is_an_error() {
        assertThatThrownBy(() -> proposals.componentsToAssess(CAMPAIGN, CANDIDATE, "BC9", 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BC9");
    }

    @Test
    void the_pathway_is_the_candidates() {
        Candidate candidate = mock(Candidate.class);
        when(candidate.getPathway()).thenReturn(Pathway.VAE);
        when(candidates.findById(CANDIDATE)).thenReturn(Optional.of(candidate));

        assertThat(proposals.pathway(CANDIDATE)).isEqualTo("VAE");
    }

    @Test
    void the_proposal_counts_each_composante_at_its_latest_attempt_under_the_shipped_reglement() {
        produced(production("A.4", 1, "NON_VALIDE"), production("A.4", 2, "VALIDE"), production("A.5", 1, "ABSENT"));

        BlocProposals.Proposal proposal = proposals.propose(CAMPAIGN, CANDIDATE, "BC3");

        assertThat(proposal.validated()).isEqualTo(1);
        assertThat(proposal.absent()).isEqualTo(1);
        assertThat(proposal.components()).isEqualTo(2);
        assertThat(proposal.minimumValidated()).isEqualTo(2);
        assertThat(proposal.maxAttempts()).isEqualTo(2);
        assertThat(proposal.summary()).isEqualTo("| Composante | Résultat | Passage |\n|---|---|---|\n"
                + "| A.4 Management de la mise en œuvre des actions de marketing digital et de communication en mode projet"
                + " | Validé | 2 |\n"
                + "| A.5 Pilotage de partenaires et prestataires externes | Absent | 1 |\n");
        assertThat(proposal.resitRule()).isEqualTo("Un bloc **ajourné** repasse les composantes non validées ; celles "
                + "validées sont conservées, dans la limite des passages autorisés (Règlement de certification MMDC v1, "
                + "révision 2).");
        assertThat(proposal.blocRule()).isEqualTo("selon le Règlement de certification MMDC v1, révision 2, un bloc est "
                + "validé avec toutes ses composantes validées.");
    }

    @Test
    void a_composante_without_production_counts_neither_validated_nor_absent() {
        produced();

        BlocProposals.Proposal proposal = proposals.propose(CAMPAIGN, CANDIDATE, "BC2");

        assertThat(proposal.validated()).isZero();
        assertThat(proposal.absent()).isZero();
        assertThat(proposal.components()).isEqualTo(1);
        assertThat(proposal.summary()).endsWith(" | — | — |\n").startsWith("| Composante | Résultat | Passage |\n|---|---|---|\n| A.3 ");
    }

    @Test
    void the_other_reglement_requires_one_composante_and_repasses_the_whole_bloc() {
        when(referentials.regulation(campaign)).thenReturn(Regulations.fourLevels());
        when(campaign.getResitAttempts()).thenReturn(2);
        produced(production("A.1", 1, "VALIDE"));

        BlocProposals.Proposal proposal = proposals.propose(CAMPAIGN, CANDIDATE, "BC1");

        assertThat(proposal.minimumValidated()).isEqualTo(1);
        assertThat(proposal.maxAttempts()).isEqualTo(3);
        assertThat(proposal.resitRule()).isEqualTo("Un bloc **ajourné** repasse toutes ses composantes, celles déjà "
                + "validées comprises, dans la limite des passages autorisés (Règlement de certification MMDC v1, révision 3 "
                + "(fixture de test)).");
        assertThat(proposal.blocRule()).isEqualTo("selon le Règlement de certification MMDC v1, révision 3 (fixture de "
                + "test), un bloc est validé avec au moins 1 de ses composantes validées (toutes lorsqu'il en compte moins).");
    }
}
