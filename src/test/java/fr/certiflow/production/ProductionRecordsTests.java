package fr.certiflow.production;

import static fr.certiflow.production.ProductionFixtures.DEADLINE;
import static fr.certiflow.production.ProductionFixtures.campaign;
import static fr.certiflow.production.ProductionFixtures.candidate;
import static fr.certiflow.production.ProductionFixtures.context;
import static fr.certiflow.production.ProductionFixtures.production;
import static fr.certiflow.production.ProductionFixtures.vae;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.notification.MailTemplates;
import fr.certiflow.notification.Notifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The reminder, the absence, the return to the candidate and the result of a production. */
@Tag("unit")
class ProductionRecordsTests {

    private final ProductionLookup lookup = mock(ProductionLookup.class);
    private final CampaignRepository campaigns = mock(CampaignRepository.class);
    private final CandidateRepository candidates = mock(CandidateRepository.class);
    private final SubmissionRepository submissions = mock(SubmissionRepository.class);
    private final ProductionRepository productions = mock(ProductionRepository.class);
    private final Notifier notifier = mock(Notifier.class);
    private final ProductionRecords records = new ProductionRecords(lookup, campaigns, candidates, submissions, productions,
            notifier);

    private Candidate lea;

    @BeforeEach
    void data() {
        lea = candidate(11L, "2027-001", "Léa", "Martin");
        when(candidates.findById(11L)).thenReturn(Optional.of(lea));
        when(campaigns.findById(1L)).thenReturn(Optional.of(campaign()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> mail(String kind, String dedupKey) {
        ArgumentCaptor<Map<String, String>> model = ArgumentCaptor.forClass(Map.class);
        verify(notifier).queue(eq(kind), eq("2027-001@exemple.fr"), model.capture(), anyLong(), eq(dedupKey));
        return model.getValue();
    }

    @Test
    void theReminderNamesTheComposanteAndTheDeadlineOncePerReturn() {
        Production production = production(5L, lea, "A.1", DEADLINE);
        when(lookup.context(production)).thenReturn(context(production, lea));

        records.remind(production, "A.1 Réaliser un diagnostic");

        assertThat(mail(MailTemplates.REMINDER, "reminder:5:0")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "candidat", "Léa Martin", "campagne", "MMDC 2027", "code", "A.1",
                "composante", "A.1 Réaliser un diagnostic", "echeance", "lundi 1 mars 2027 à 18h00"));
    }

    @Test
    void noReminderOnceTheProductionIsHandedIn() {
        Production production = production(5L, lea, "A.1", DEADLINE);
        production.moveTo(ProductionStatus.SUBMITTED);

        records.remind(production, "A.1");

        verify(notifier, never()).queue(anyString(), anyString(), anyMap(), any(), anyString());
    }

    @Test
    void aVaeCandidateIsRemindedOnceForTheDossierOfTheBloc() {
        vae(lea);
        Production a1 = production(5L, lea, "A.1", DEADLINE);
        Production a2 = production(6L, lea, "A.2", DEADLINE);
        when(lookup.context(a1)).thenReturn(context(a1, lea));
        when(productions.findBySubmissionId(50L)).thenReturn(List.of(a2, a1));

        records.remind(a1, "A.1");

        assertThat(mail(MailTemplates.DOSSIER_REMINDER, "reminder:dossier:50:0"))
                .containsEntry("dossier", "dossier de validation du bloc BC1")
                .containsEntry("composantes", "composantes A.1, A.2")
                .containsEntry("echeance", "lundi 1 mars 2027 à 18h00");
    }

    @Test
    void absenceAndResultAreRecordedOnTheProduction() {
        Production absent = production(5L, lea, "A.1", DEADLINE);
        assertThat(records.recordAbsence(absent)).isEqualTo("ABSENT");
        assertThat(absent.getStatus()).isEqualTo(ProductionStatus.ABSENT);
        assertThat(absent.getResult()).isEqualTo("ABSENT");

        Production assessed = production(6L, lea, "A.2", DEADLINE);
        records.recordResult(assessed, "VALIDE");
        assertThat(assessed.getStatus()).isEqualTo(ProductionStatus.ASSESSED);
        assertThat(assessed.getResult()).isEqualTo("VALIDE");
    }

    @Test
    void aReturnReopensTheSubmissionOnceAndTellsTheCandidateWhatIsMissingAndWhy() {
        Production production = production(5L, lea, "A.3", DEADLINE);
        production.contentsChecked(List.of("le calendrier de réalisation des actions"), null);
        Submission submission = new Submission(1L, "A.3", 1, "candidate:2027-001");
        submission.submitted(Instant.parse("2027-02-01T10:00:00Z"));
        when(submissions.findById(50L)).thenReturn(Optional.of(submission));
        when(lookup.context(production)).thenReturn(context(production, lea));

        records.returnToCandidate(production, "  Le calendrier manque.  ", "A.3 Stratégie");
        records.returnToCandidate(production, "  Le calendrier manque.  ", "A.3 Stratégie");

        assertThat(production.getStatus()).isEqualTo(ProductionStatus.RETURNED);
        assertThat(production.getReturnedCount()).as("a job run again returns it once").isEqualTo(1);
        assertThat(submission.getSubmittedAt()).isNull();
        ArgumentCaptor<Map<String, String>> model = captureAll(MailTemplates.RETURNED, "returned:5:1");
        assertThat(model.getValue()).containsEntry("motif", "Éléments attendus par le référentiel et absents de votre"
                        + " production :\n- le calendrier de réalisation des actions\nLe calendrier manque.")
                .containsEntry("composante", "A.3 Stratégie").containsEntry("code", "A.3");
    }

    @Test
    void aReturnWithoutReasonSaysSo() {
        Production production = production(5L, lea, "A.1", DEADLINE);
        when(submissions.findById(50L)).thenReturn(Optional.of(new Submission(1L, "A.1", 1, "candidate:2027-001")));
        when(lookup.context(production)).thenReturn(context(production, lea));

        records.returnToCandidate(production, null, "A.1");

        assertThat(mail(MailTemplates.RETURNED, "returned:5:1")).containsEntry("motif", "(motif non précisé)");
    }

    @Test
    void aVaeDossierIsReturnedInOneMailNamingItsComposantes() {
        vae(lea);
        Production a1 = production(5L, lea, "A.1", DEADLINE);
        when(submissions.findById(50L)).thenReturn(Optional.of(new Submission(1L, "BC1", 1, "candidate:2027-001")));
        when(lookup.context(a1)).thenReturn(context(a1, lea));
        when(productions.findBySubmissionId(50L)).thenReturn(List.of(a1));

        records.returnToCandidate(a1, "Pièces manquantes", "A.1");

        assertThat(mail(MailTemplates.DOSSIER_RETURNED, "returned:dossier:50:1"))
                .containsEntry("composantes", "composante A.1")
                .containsEntry("dossier", "dossier de validation du bloc BC1")
                .containsEntry("motif", "Pièces manquantes");
    }

    @SuppressWarnings("unchecked")
    private ArgumentCaptor<Map<String, String>> captureAll(String kind, String dedupKey) {
        ArgumentCaptor<Map<String, String>> model = ArgumentCaptor.forClass(Map.class);
        verify(notifier, org.mockito.Mockito.times(2)).queue(eq(kind), eq("2027-001@exemple.fr"), model.capture(),
                eq(5L), eq(dedupKey));
        return model;
    }

}
