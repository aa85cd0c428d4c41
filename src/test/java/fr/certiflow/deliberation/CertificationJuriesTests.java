package fr.certiflow.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.jury.Juror;
import fr.certiflow.jury.JurorRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The certification jury's task apart from the engine: what the jury reads, the check and the record of its sitting. */
@Tag("unit")
class CertificationJuriesTests {

    private static final long CAMPAIGN = 7L;
    private static final Instant NOW = Instant.parse("2027-07-10T14:00:00Z");

    private final CertificationDecisionRepository decisions = mock(CertificationDecisionRepository.class);
    private final CertificationJuryRepository juries = mock(CertificationJuryRepository.class);
    private final CertificationJuryPolicies policies = mock(CertificationJuryPolicies.class);
    private final CandidateRepository candidates = mock(CandidateRepository.class);
    private final JurorRepository jurors = mock(JurorRepository.class);
    private final BlocResultRepository blocResults = mock(BlocResultRepository.class);
    private final CertificationJuries service = new CertificationJuries(decisions, juries, policies, candidates, jurors,
            blocResults, Clock.fixed(NOW, ZoneOffset.UTC));

    private final CertificationDecision first = new CertificationDecision(CAMPAIGN, 1L, "DELIVREE");
    private final CertificationDecision second = new CertificationDecision(CAMPAIGN, 2L, "NON_DELIVREE");

    @BeforeEach
    void campaign() {
        when(policies.forCampaign(CAMPAIGN)).thenReturn(CertificationDeliberationTests.POLICY);
        Juror paul = new Juror(CAMPAIGN, "paul", "Paul Président", false, false, true, 5);
        paul.setOrganisation("Cabinet Conseil");
        when(jurors.findByCampaignIdOrderByUserId(CAMPAIGN)).thenReturn(List.of(
                new Juror(CAMPAIGN, "jure1", "Julien Juré", false, false, false, 5),
                new Juror(CAMPAIGN, "jure2", "Jeanne Jurée", true, false, false, 5),
                paul,
                new Juror(CAMPAIGN, "pia", "Pia Présidente", false, false, true, 5)));
        List<Candidate> cohort = List.of(
                candidate(1L, "2027-001", "Léa Martin", Map.of()),
                candidate(2L, "2027-002", "Hugo Bernard", Map.of("BC2", LocalDate.parse("2025-06-30"))),
                candidate(3L, "2027-003", "Sans Proposition", Map.of()));
        when(candidates.findByCampaignIdOrderByNumber(CAMPAIGN)).thenReturn(cohort);
        when(decisions.findByCampaignIdOrderByCandidateId(CAMPAIGN)).thenReturn(List.of(first, second));
    }

    private static Candidate candidate(Long id, String number, String name, Map<String, LocalDate> acquired) {
        Candidate candidate = mock(Candidate.class);
        when(candidate.getId()).thenReturn(id);
        when(candidate.getNumber()).thenReturn(number);
        when(candidate.fullName()).thenReturn(name);
        when(candidate.getAcquiredBlocs()).thenReturn(new LinkedHashMap<>(acquired));
        return candidate;
    }

    private static BlocResult result(long candidate, String bloc, int attempt, String decision) {
        return new BlocResult(CAMPAIGN, candidate, bloc, attempt, decision, decision, null, "paul", NOW);
    }

    @Nested
    class Briefing {

        @Test
        void the_rules_the_pool_presidents_first_and_the_minutes_link() {
            CertificationJuries.Briefing briefing = service.brief(CAMPAIGN);

            assertThat(briefing.rules()).isEqualTo(CertificationDeliberationTests.POLICY.describe());
            assertThat(briefing.pool()).containsExactly(
                    new CertificationJuries.PoolEntry("paul", "Paul Président — président de jury (Cabinet Conseil)"),
                    new CertificationJuries.PoolEntry("pia", "Pia Présidente — président de jury"),
                    new CertificationJuries.PoolEntry("jure2", "Jeanne Jurée"),
                    new CertificationJuries.PoolEntry("jure1", "Julien Juré"));
            assertThat(briefing.poolJson()).startsWith("[{\"value\":\"paul\",\"label\":\"Paul Président — président de jury "
                    + "(Cabinet Conseil)\"},{\"value\":\"pia\",");
            assertThat(briefing.minutesLink())
                    .isEqualTo("[Procès-verbal provisoire, décisions proposées (Excel)](/api/campaigns/7/minutes)");
        }

        @Test
        void each_proposal_with_the_blocs_acquired_earlier_or_validated_at_their_latest_attempt() {
            when(blocResults.findByCampaignIdOrderByCandidateIdAscBlocCodeAscAttemptAsc(CAMPAIGN)).thenReturn(List.of(
                    result(1L, "BC1", 1, "AJOURNE"), result(1L, "BC1", 2, "VALIDE"),
                    result(1L, "BC3", 1, "VALIDE"), result(1L, "BC3", 2, "NON_VALIDE"),
                    result(2L, "BC1", 1, "NON_VALIDE")));

            CertificationJuries.Briefing briefing = service.brief(CAMPAIGN);

            assertThat(briefing.proposals()).containsExactly(
                    new CertificationJuries.ProposalRow("2027-001", "Léa Martin", "BC1", "Délivrée"),
                    new CertificationJuries.ProposalRow("2027-002", "Hugo Bernard", "BC2", "Non délivrée"));
            assertThat(briefing.proposalsJson()).isEqualTo("[{\"number\":\"2027-001\",\"name\":\"Léa Martin\","
                    + "\"blocs\":\"BC1\",\"proposal\":\"Délivrée\"},{\"number\":\"2027-002\",\"name\":\"Hugo Bernard\","
                    + "\"blocs\":\"BC2\",\"proposal\":\"Non délivrée\"}]");
        }

        @Test
        void a_candidate_without_any_bloc_reads_aucun() {
            when(blocResults.findByCampaignIdOrderByCandidateIdAscBlocCodeAscAttemptAsc(CAMPAIGN))
                    .thenReturn(List.of(result(1L, "BC1", 1, "ABSENT")));

            assertThat(service.brief(CAMPAIGN).proposals().get(0).blocs()).isEqualTo("aucun");
        }
    }

    private static CertificationJuries.Submission sitting(Object designated, Object present, Object exceptions) {
        return new CertificationJuries.Submission("paul", designated, present, exceptions, true);
    }

    @Nested
    class Check {

        @Test
        void the_checklists_come_as_tasklists_json_text_or_as_lists() {
            CertificationDeliberation.Outcome outcome = service.check(CAMPAIGN,
                    sitting("[\"jure1\",\"jure2\"]", List.of("jure1", "jure2"), "2027-002 ; Délivrée ; Dossier revu."));

            assertThat(outcome.members()).extracting(CertificationJury.Member::getUserId)
                    .containsExactly("paul", "jure1", "jure2");
            assertThat(outcome.derogations())
                    .containsExactly(Map.entry("2027-002", new CertificationDeliberation.Derogation("DELIVREE", "Dossier revu.")));
        }

        @Test
        void an_unreadable_checklist_is_refused_naming_the_field() {
            assertThatThrownBy(() -> service.check(CAMPAIGN, sitting("jure1, jure2", List.of(), null)))
                    .isInstanceOf(RefusedException.class)
                    .hasMessage("Le champ « Membres désignés du jury de certification » est illisible : une liste JSON est attendue.");
            assertThatThrownBy(() -> service.check(CAMPAIGN, sitting(List.of("jure1", "jure2"), "{\"id\":\"jure1\"}", null)))
                    .isInstanceOf(RefusedException.class)
                    .hasMessage("Le champ « Membres présents à la délibération » attend une liste d'identifiants.");
        }

        @Test
        void the_exceptions_must_be_a_text() {
            assertThatThrownBy(() -> service.check(CAMPAIGN, sitting(List.of("jure1", "jure2"), List.of("jure1", "jure2"),
                    List.of("2027-002"))))
                    .isInstanceOf(RefusedException.class)
                    .hasMessage("Le champ « Décisions différentes de la proposition » attend un texte, une ligne par candidat.");
        }

        @Test
        void the_sittings_rules_apply_with_the_campaigns_policy_and_pool() {
            assertThatThrownBy(() -> service.check(CAMPAIGN, sitting(List.of("jure1", "jure2"), List.of("jure1"), null)))
                    .isInstanceOf(RefusedException.class).hasMessageStartingWith("Quorum non atteint : 2 membre(s) présent(s)");
            assertThatThrownBy(() -> service.check(CAMPAIGN, sitting(List.of("jure1", "inconnu"), List.of(), null)))
                    .hasMessageStartingWith("« inconnu » n'est pas membre du jury de cette campagne");
        }
    }

    @Nested
    class Record {

        @Test
        void records_the_jury_and_every_decision_the_proposal_or_the_derogation() {
            when(juries.save(any())).thenAnswer(invocation -> invocation.getArgument(0));

            service.record(CAMPAIGN, sitting(List.of("jure1", "jure2"), List.of("jure1", "jure2"),
                    "2027-002 ; Délivrée ; Dossier revu."));

            ArgumentCaptor<CertificationJury> jury = ArgumentCaptor.forClass(CertificationJury.class);
            verify(juries).save(jury.capture());
            assertThat(jury.getValue().getChairedBy()).isEqualTo("paul");
            assertThat(jury.getValue().getSatAt()).isEqualTo(NOW);
            assertThat(jury.getValue().getPolicySource()).isEqualTo("Règlement de certification MMDC v1");
            assertThat(jury.getValue().getMembers()).extracting(CertificationJury.Member::getUserId)
                    .containsExactly("paul", "jure1", "jure2");
            assertThat(first.getDecision()).isEqualTo("DELIVREE");
            assertThat(first.getFollowsProposal()).isTrue();
            assertThat(first.getDecidedBy()).isEqualTo("paul");
            assertThat(second.getDecision()).isEqualTo("DELIVREE");
            assertThat(second.getJustification()).isEqualTo("Dossier revu.");
            assertThat(second.derogates()).isTrue();
        }

        @Test
        void a_jury_that_already_sat_does_not_sit_again() {
            when(juries.findByCampaignId(CAMPAIGN)).thenReturn(Optional.of(mock(CertificationJury.class)));

            assertThatThrownBy(() -> service.record(CAMPAIGN, sitting(List.of("jure1", "jure2"), List.of("jure1", "jure2"), null)))
                    .isInstanceOf(IllegalStateException.class).hasMessage("The certification jury of campaign 7 already sat");
            verify(juries, never()).save(any());
            assertThat(first.getDecision()).isNull();
        }

        @Test
        void a_refused_sitting_records_nothing() {
            assertThatThrownBy(() -> service.record(CAMPAIGN, sitting(List.of("jure1", "jure2"), List.of(), null)))
                    .isInstanceOf(RefusedException.class);
            verify(juries, never()).save(any());
            assertThat(second.getDecision()).isNull();
        }
    }
}
