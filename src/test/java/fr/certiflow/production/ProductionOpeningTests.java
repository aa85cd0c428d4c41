package fr.certiflow.production;

import static fr.certiflow.production.ProductionFixtures.DEADLINE;
import static fr.certiflow.production.ProductionFixtures.OPENS;
import static fr.certiflow.production.ProductionFixtures.REFERENTIAL;
import static fr.certiflow.production.ProductionFixtures.REGULATION;
import static fr.certiflow.production.ProductionFixtures.candidate;
import static fr.certiflow.production.ProductionFixtures.component;
import static fr.certiflow.production.ProductionFixtures.tiersTemps;
import static fr.certiflow.production.ProductionFixtures.vae;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.process.FormIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;

/** A production opened for its process: its deadline, its submission, and what the process needs to know of its route. */
@Tag("unit")
class ProductionOpeningTests {

    private static final Instant NOW = Instant.parse("2027-05-10T08:00:00Z");

    private final CampaignRepository campaigns = mock(CampaignRepository.class);
    private final CandidateRepository candidates = mock(CandidateRepository.class);
    private final CampaignReferentials referentials = mock(CampaignReferentials.class);
    private final SubmissionRepository submissions = mock(SubmissionRepository.class);
    private final ProductionRepository productions = mock(ProductionRepository.class);
    private final ProductionOpening opening = new ProductionOpening(campaigns, candidates, referentials, submissions,
            productions, Clock.fixed(NOW, ZoneOffset.UTC));

    private Campaign campaign;
    private Candidate lea;

    @BeforeEach
    void data() {
        campaign = ProductionFixtures.campaign();
        campaign.getBlocs().add("BC1");
        campaign.getBlocs().add("BC2");
        REFERENTIAL.components().forEach(component -> campaign.getSubmissionDeadlines().put(component.code(), DEADLINE));
        campaign.getSubmissionDeadlines().put("A.2", DEADLINE.plus(Duration.ofDays(3)));
        campaign.setReminderDays(7);
        campaign.setResitPeriodDays(30);
        lea = candidate(11L, "2027-001", "Léa", "Martin");
        when(campaigns.findById(1L)).thenReturn(Optional.of(campaign));
        when(candidates.findById(11L)).thenReturn(Optional.of(lea));
        when(referentials.of(campaign)).thenReturn(REFERENTIAL);
        when(referentials.regulation(campaign)).thenReturn(REGULATION);
        when(referentials.component(eq(campaign), anyString())).thenAnswer(call -> component(call.getArgument(1)));
        when(submissions.findByCampaignIdAndComponentCodeAndAttemptAndOwnerKey(anyLong(), anyString(), anyInt(), anyString()))
                .thenReturn(Optional.empty());
        when(submissions.save(any())).thenAnswer(call -> {
            Object submission = call.getArgument(0);
            ReflectionTestUtils.setField(submission, "id", 50L);
            return call.getArgument(0);
        });
        when(productions.findByCampaignIdAndCandidateIdAndComponentCodeAndAttempt(anyLong(), anyLong(), anyString(), anyInt()))
                .thenReturn(Optional.empty());
        when(productions.save(any())).thenAnswer(call -> {
            Object production = call.getArgument(0);
            ReflectionTestUtils.setField(production, "id", 5L);
            return call.getArgument(0);
        });
    }

    @Test
    void aWrittenProductionIsOpenedUntilTheComposantesDeadline() {
        var opened = opening.open(1L, 11L, "A.1", 1, "MMDC-2027/2027-001/A.1", "pi-1");

        ArgumentCaptor<Submission> submission = ArgumentCaptor.forClass(Submission.class);
        verify(submissions).save(submission.capture());
        assertThat(submission.getValue().getOwnerKey()).isEqualTo("candidate:2027-001");
        assertThat(submission.getValue().getComponentCode()).isEqualTo("A.1");
        assertThat(opened.productionId()).isEqualTo(5L);
        assertThat(opened.submissionDeadline()).isEqualTo(DEADLINE);
        assertThat(opened.reminderAt()).isEqualTo(DEADLINE.minus(Duration.ofDays(7)));
        assertThat(opened.englishRequired()).isFalse();
        assertThat(opened.groupSitting()).isFalse();
        assertThat(opened.route()).isEqualTo(REGULATION.route(false));
        assertThat(opened.componentLabel()).isEqualTo("A.1 " + component("A.1").title());
        assertThat(opened.evaluationFormId()).isEqualTo(FormIds.evaluation(REGULATION, component("A.1")));
        assertThat(opened.harmonisationFormId()).isEqualTo(FormIds.harmonisation(REGULATION, component("A.1")));
        assertThat(opened.evaluationDue()).isNull();
        // A written production is anonymous to its jurors; an oral one names its candidate.
        assertThat(opened.candidateLabel()).isEqualTo(opened.oral() ? "Léa Martin (2027-001)" : "Candidat n° 2027-001");
    }

    @Test
    void aProductionProcessWhoseKeyNamesAnotherProductionFails() {
        assertThatThrownBy(() -> opening.open(1L, 11L, "A.1", 1, "MMDC-2027/2027-002/A.1", "pi-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pi-1");
        verify(productions, never()).save(any());
    }

    @Test
    void tiersTempsExtendsTheDeadline() {
        tiersTemps(lea);
        var opened = opening.open(1L, 11L, "A.1", 1, "MMDC-2027/2027-001/A.1", "pi-1");
        assertThat(opened.submissionDeadline())
                .isEqualTo(REGULATION.accommodations().tiersTemps().deadline().extend(OPENS, DEADLINE))
                .isAfter(DEADLINE);
    }

    @Test
    void aGroupsFirstAttemptAtACollectiveComposanteIsAssessedAtTheSittingAResitAlone() {
        lea.setGroupCode("G1");
        var first = opening.open(1L, 11L, "A.3", 1, "MMDC-2027/2027-001/A.3", "pi-1");
        assertThat(first.groupSitting()).isTrue();
        assertThat(first.oral()).isTrue();
        assertThat(first.candidateLabel()).isEqualTo("Léa Martin (2027-001)");

        var resit = opening.open(1L, 11L, "A.3", 2, "MMDC-2027/2027-001/A.3#2", "pi-2");
        assertThat(resit.groupSitting()).isFalse();
        assertThat(resit.submissionDeadline()).as("a resit period from now").isEqualTo(NOW.plus(Duration.ofDays(30)));
        verify(submissions).findByCampaignIdAndComponentCodeAndAttemptAndOwnerKey(1L, "A.3", 1, "group:G1");
        verify(submissions).findByCampaignIdAndComponentCodeAndAttemptAndOwnerKey(1L, "A.3", 2, "candidate:2027-001");
    }

    @Test
    void aVaeDossierIsDueAtTheLatestDeadlineOfItsBlocAndAssessedAtASitting() {
        vae(lea);
        var opened = opening.open(1L, 11L, "A.1", 1, "MMDC-2027/2027-001/A.1", "pi-1");

        assertThat(opened.submissionDeadline()).isEqualTo(DEADLINE.plus(Duration.ofDays(3)));
        assertThat(opened.groupSitting()).isTrue();
        assertThat(opened.route()).isEqualTo(REGULATION.route(true));
        verify(submissions).findByCampaignIdAndComponentCodeAndAttemptAndOwnerKey(1L, "BC1", 1, "candidate:2027-001");
    }

    @Test
    void theA5ProductionRequiresEnglish() {
        assertThat(opening.open(1L, 11L, "A.5", 1, "MMDC-2027/2027-001/A.5", "pi-1").englishRequired()).isTrue();
    }

    @Test
    void aValidationFileIsOpenedForAVaeCandidateOnly() {
        assertThatThrownBy(() -> opening.openValidationFile(1L, 11L, "BC1", 1))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not on the VAE route");

        vae(lea);
        assertThat(opening.openValidationFile(1L, 11L, "BC1", 1)).isEqualTo(REGULATION.route(true));
        verify(submissions).save(any());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCampaignsSubmissionsAreOpenedOncePerCandidateOrGroup() {
        lea.setGroupCode("G1");
        Candidate hugo = candidate(12L, "2027-002", "Hugo", "Bernard");
        hugo.setGroupCode("G1");
        when(candidates.findByCampaignIdOrderByNumber(1L)).thenReturn(List.of(lea, hugo));
        when(submissions.findByCampaignIdAndAttempt(1L, 1)).thenReturn(List.of(new Submission(1L, "A.2", 1, "candidate:2027-001")));

        opening.openSubmissions(1L);

        ArgumentCaptor<Collection<Submission>> saved = ArgumentCaptor.forClass(Collection.class);
        verify(submissions).saveAll(saved.capture());
        List<String> keys = saved.getValue().stream().map(s -> s.getComponentCode() + " " + s.getOwnerKey()).toList();
        // A.2 is individual work, A.3 collective work.
        assertThat(keys).doesNotContain("A.2 candidate:2027-001").contains("A.2 candidate:2027-002")
                .containsOnlyOnce("A.3 group:G1").doesNotContain("A.3 candidate:2027-001", "A.3 candidate:2027-002");
    }
}
