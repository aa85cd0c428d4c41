package fr.certiflow.production;

import static fr.certiflow.production.ProductionFixtures.DEADLINE;
import static fr.certiflow.production.ProductionFixtures.REGULATION;
import static fr.certiflow.production.ProductionFixtures.campaign;
import static fr.certiflow.production.ProductionFixtures.candidate;
import static fr.certiflow.production.ProductionFixtures.context;
import static fr.certiflow.production.ProductionFixtures.production;
import static fr.certiflow.production.ProductionFixtures.tiersTemps;
import static fr.certiflow.production.ProductionFixtures.vae;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.campaign.CampaignRepository;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.CandidateRepository;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.notification.MailTemplates;
import fr.certiflow.notification.Notifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The oral as the coordinator schedules it: the date and place checked, the accommodations shown, the convocations. */
@Tag("unit")
class OralSchedulesTests {

    private static final String TIERS_TEMPS = "tiers-temps — temps de préparation et de soutenance majorés d'un tiers"
            + " (Règlement de certification MMDC v1, révision 2)";

    private final CampaignRepository campaigns = mock(CampaignRepository.class);
    private final CandidateRepository candidates = mock(CandidateRepository.class);
    private final Notifier notifier = mock(Notifier.class);
    private final OralSchedules schedules = new OralSchedules(campaigns, candidates, notifier,
            Clock.fixed(Instant.parse("2027-03-01T10:00:00Z"), ZoneOffset.UTC));

    private Candidate lea;
    private Candidate hugo;

    @BeforeEach
    void data() {
        lea = candidate(11L, "2027-001", "Léa", "Martin-*Dupont*");
        hugo = candidate(12L, "2027-002", "Hugo", "Bernard");
        when(candidates.findById(11L)).thenReturn(Optional.of(lea));
        when(candidates.findById(12L)).thenReturn(Optional.of(hugo));
        when(campaigns.findById(1L)).thenReturn(Optional.of(campaign()));
    }

    @Test
    void theOralIsInTheFutureAtAPlace() {
        assertThat(schedules.check("15/03/2027 14:30", "Salle 2")).isEqualTo(Instant.parse("2027-03-15T13:30:00Z"));
        assertThatThrownBy(() -> schedules.check("01/03/2027 11:00", "Salle 2")).isInstanceOf(RefusedException.class)
                .hasMessage("La date de soutenance doit être dans le futur.");
        assertThatThrownBy(() -> schedules.check("15/03/2027 14:30", " "))
                .hasMessage("Indiquez le lieu ou le lien de la soutenance.");
        assertThatThrownBy(() -> schedules.check("15/03/2027 14:30", "x".repeat(501)))
                .hasMessage("Le lieu de la soutenance dépasse 500 caractères.");
    }

    @Test
    void theCoordinatorSeesEachTiersTempsCandidateOnceTheNameAsText() {
        tiersTemps(lea);
        Production first = production(1L, lea, "A.3", DEADLINE);
        Production second = production(2L, hugo, "A.3", DEADLINE);
        Production again = production(3L, lea, "A.4", DEADLINE);

        assertThat(schedules.accommodations(REGULATION, List.of(first, second, again)))
                .isEqualTo("**Léa Martin\\-\\*Dupont\\*** — Aménagement : " + TIERS_TEMPS);
        assertThat(schedules.accommodations(REGULATION, List.of(second))).isEmpty();
    }

    @Test
    void eachMemberOfAGroupRecordsTheOralAndIsConvened() {
        tiersTemps(lea);
        Production first = production(1L, lea, "A.3", DEADLINE);
        Production second = production(2L, hugo, "A.3", DEADLINE);

        Instant at = schedules.schedule(context(first, lea), List.of(first, second), "15/03/2027 14:30", "  Salle 2  ",
                "A.3 Stratégie");

        assertThat(at).isEqualTo(Instant.parse("2027-03-15T13:30:00Z"));
        assertThat(List.of(first, second)).allSatisfy(member -> {
            assertThat(member.getOralAt()).isEqualTo(at);
            assertThat(member.getOralPlace()).isEqualTo("Salle 2");
        });
        Map<String, String> leas = convocation("2027-001@exemple.fr", 1L, "convocation:1:" + at.getEpochSecond());
        assertThat(leas).containsExactlyInAnyOrderEntriesOf(Map.of(
                "epreuve", "la soutenance de la production",
                "objet", "la soutenance orale de votre production",
                "candidat", "Léa Martin-*Dupont*",
                "campagne", "MMDC 2027",
                "code", "A.3",
                "composante", "la composante A.3 Stratégie",
                "date", "lundi 15 mars 2027",
                "heure", "14h30",
                "lieu", "Salle 2",
                "amenagement", "\n- aménagement : " + TIERS_TEMPS));
        assertThat(convocation("2027-002@exemple.fr", 2L, "convocation:2:" + at.getEpochSecond()))
                .containsEntry("amenagement", "");
    }

    @Test
    void aVaeCandidateIsConvenedOnceToTheInterviewOnTheDossierOfTheBloc() {
        vae(lea);
        Production a1 = production(1L, lea, "A.1", DEADLINE);
        Production a2 = production(2L, lea, "A.2", DEADLINE);

        Instant at = schedules.schedule(context(a1, lea), List.of(a1, a2), "15/03/2027 09:00", "Visio", "BC1");

        assertThat(a2.getOralAt()).isEqualTo(at);
        verify(notifier, times(1)).queue(eq(MailTemplates.CONVOCATION), anyString(), org.mockito.ArgumentMatchers.anyMap(),
                anyLong(), anyString());
        Map<String, String> model = convocation("2027-001@exemple.fr", 1L, "convocation:1:" + at.getEpochSecond());
        assertThat(model).containsEntry("epreuve", "l'entretien avec le jury,")
                .containsEntry("code", "bloc BC1")
                .containsEntry("objet", "l'entretien avec le jury sur le dossier de validation du bloc BC1 ("
                        + REGULATION.route(true) + ")");
        assertThat(model.get("composante")).startsWith("les composantes A.1, A.2 du bloc BC1 ");
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> convocation(String email, long productionId, String dedupKey) {
        ArgumentCaptor<Map<String, String>> model = ArgumentCaptor.forClass(Map.class);
        verify(notifier).queue(eq(MailTemplates.CONVOCATION), eq(email), model.capture(), eq(productionId), eq(dedupKey));
        return model.getValue();
    }
}
