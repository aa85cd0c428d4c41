package fr.certiflow.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.CampaignReferentials;
import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.notification.MailTemplates;
import fr.certiflow.notification.Notifier;
import fr.certiflow.regulation.Regulations;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The jury president's deliberation on a bloc: what is refused, what is recorded, what the candidate is told. */
@Tag("unit")
class BlocDeliberationsTests {

    private static final Instant NOW = Instant.parse("2027-06-30T10:00:00Z");

    private final BlocResultRepository results = mock(BlocResultRepository.class);
    private final CampaignRepository campaigns = mock(CampaignRepository.class);
    private final CandidateRepository candidates = mock(CandidateRepository.class);
    private final Notifier notifier = mock(Notifier.class);
    private final CampaignReferentials referentials = mock(CampaignReferentials.class);
    private final BlocDeliberations deliberations = new BlocDeliberations(results, campaigns, candidates, notifier,
            Clock.fixed(NOW, ZoneOffset.UTC), referentials);

    private static BlocDeliberations.Submission submission(String decision, String justification, String proposed,
            int attempt, int maxAttempts) {
        return new BlocDeliberations.Submission(decision, justification, proposed, attempt, maxAttempts, "president1");
    }

    @Nested
    class Check {

        @Test
        void confirming_the_proposal_needs_no_justification() {
            assertThat(deliberations.check(submission("VALIDE", "  ", "VALIDE", 1, 2)))
                    .isEqualTo(new BlocDeliberations.Deliberation("VALIDE", null, "president1"));
        }

        @Test
        void a_missing_or_unknown_decision_is_refused() {
            assertThatThrownBy(() -> deliberations.check(submission(null, null, "VALIDE", 1, 2)))
                    .isInstanceOf(RefusedException.class).hasMessage("Choisissez la décision du jury pour ce bloc.");
            assertThatThrownBy(() -> deliberations.check(submission("DELIVREE", null, "VALIDE", 1, 2)))
                    .isInstanceOf(RefusedException.class).hasMessage("Choisissez la décision du jury pour ce bloc.");
        }

        @Test
        void overriding_the_proposal_needs_a_written_justification() {
            assertThatThrownBy(() -> deliberations.check(submission("VALIDE", " ", "NON_VALIDE", 1, 2)))
                    .isInstanceOf(RefusedException.class)
                    .hasMessage("La décision (Validé) diffère du résultat proposé (Non validé) : une justification écrite "
                            + "est obligatoire.");
            assertThatThrownBy(() -> deliberations.check(submission("ABSENT", null, null, 1, 2)))
                    .hasMessage("La décision (Absent) diffère du résultat proposé (—) : une justification écrite est "
                            + "obligatoire.");
        }

        @Test
        void an_override_keeps_its_justification_stripped() {
            assertThat(deliberations.check(submission("VALIDE", "  Erreur de saisie corrigée. ", "NON_VALIDE", 1, 2)))
                    .isEqualTo(new BlocDeliberations.Deliberation("VALIDE", "Erreur de saisie corrigée.", "president1"));
        }

        @Test
        void a_justification_is_at_most_4000_characters() {
            assertThat(deliberations.check(submission("VALIDE", "x".repeat(4000), "NON_VALIDE", 1, 2)).justification())
                    .hasSize(4000);
            assertThatThrownBy(() -> deliberations.check(submission("VALIDE", "x".repeat(4001), "NON_VALIDE", 1, 2)))
                    .isInstanceOf(RefusedException.class).hasMessage("La justification dépasse 4000 caractères.");
        }

        @Test
        void an_adjournment_only_while_an_attempt_remains() {
            assertThat(deliberations.check(submission("AJOURNE", "Reprendre A.5.", "NON_VALIDE", 1, 2)).decision())
                    .isEqualTo("AJOURNE");
            assertThatThrownBy(() -> deliberations.check(submission("AJOURNE", "Reprendre A.5.", "NON_VALIDE", 2, 2)))
                    .isInstanceOf(RefusedException.class)
                    .hasMessage("Le candidat a épuisé ses 2 passages autorisés : le bloc ne peut plus être ajourné.");
        }
    }

    @Nested
    class Record {

        private final Campaign campaign = mock(Campaign.class);

        private void known() {
            when(campaign.getName()).thenReturn("Session juin 2027");
            when(campaigns.findById(7L)).thenReturn(Optional.of(campaign));
            when(candidates.findById(42L)).thenReturn(Optional.of(new Candidate(7L, "2027-001", "Martin", "Léa",
                    "lea.martin@example.org")));
            when(referentials.regulation(campaign)).thenReturn(Regulations.shipped());
        }

        @Test
        void records_the_result_with_its_author_and_tells_the_candidate() {
            known();

            assertThat(deliberations.record(7L, 42L, "BC3", submission("AJOURNE", "Reprendre A.5.", "NON_VALIDE", 1, 2)))
                    .isEqualTo("AJOURNE");

            ArgumentCaptor<BlocResult> saved = ArgumentCaptor.forClass(BlocResult.class);
            verify(results).save(saved.capture());
            assertThat(saved.getValue()).extracting(BlocResult::getCampaignId, BlocResult::getCandidateId,
                    BlocResult::getBlocCode, BlocResult::getAttempt, BlocResult::getProposed, BlocResult::getDecision,
                    BlocResult::getJustification, BlocResult::getDecidedBy)
                    .containsExactly(7L, 42L, "BC3", 1, "NON_VALIDE", "AJOURNE", "Reprendre A.5.", "president1");
            verify(notifier).queue(MailTemplates.BLOC_RESULT, "lea.martin@example.org", Map.of(
                    "candidat", "Léa Martin",
                    "campagne", "Session juin 2027",
                    "bloc", "BC3",
                    "decision", "ajourné",
                    "suite", "repasser les composantes non validées de ce bloc ; leurs nouvelles échéances vous seront "
                            + "communiquées par un prochain courriel."), null, "bloc-result:7:42:BC3:1");
        }

        @Test
        void a_bloc_decided_at_this_attempt_is_not_decided_again() {
            when(results.findByCampaignIdAndCandidateIdAndBlocCodeAndAttempt(7L, 42L, "BC3", 2))
                    .thenReturn(Optional.of(mock(BlocResult.class)));

            assertThatThrownBy(() -> deliberations.record(7L, 42L, "BC3", submission("VALIDE", null, "VALIDE", 2, 2)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Bloc BC3 of candidate 42 was already decided at attempt 2");
            verify(results, never()).save(any());
            verifyNoInteractions(notifier);
        }

        @Test
        void a_refused_deliberation_records_nothing() {
            assertThatThrownBy(() -> deliberations.record(7L, 42L, "BC3", submission("VALIDE", null, "NON_VALIDE", 1, 2)))
                    .isInstanceOf(RefusedException.class);
            verify(results, never()).save(any());
            verify(notifier, never()).queue(anyString(), anyString(), anyMap(), any(), eq("bloc-result:7:42:BC3:1"));
        }
    }

    @Test
    void the_next_step_follows_the_decision_and_what_a_resit_keeps() {
        assertThat(BlocDeliberations.nextStep("VALIDE", true)).isEqualTo("rien pour ce bloc, qui vous est acquis ; la "
                + "décision de certification vous sera adressée après le jury final.");
        assertThat(BlocDeliberations.nextStep("AJOURNE", false)).isEqualTo("repasser toutes les composantes de ce bloc, "
                + "celles déjà validées comprises ; leurs nouvelles échéances vous seront communiquées par un prochain "
                + "courriel.");
        assertThat(BlocDeliberations.nextStep("NON_VALIDE", true)).isEqualTo("prendre contact avec le coordinateur de la "
                + "session pour connaître les possibilités de le repasser lors d'une prochaine session.");
        assertThat(BlocDeliberations.nextStep("ABSENT", false)).isEqualTo(BlocDeliberations.nextStep("NON_VALIDE", true));
    }
}
