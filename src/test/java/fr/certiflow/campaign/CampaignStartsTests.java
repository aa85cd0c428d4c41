package fr.certiflow.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.errors.RefusedException;
import fr.certiflow.referential.model.Bloc;
import fr.certiflow.referential.model.Component;
import fr.certiflow.referential.model.Referential;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The start form of a campaign read and checked, the campaign created or bound. No engine, no Spring. */
@Tag("unit")
class CampaignStartsTests {

    final CampaignRepository campaigns = mock(CampaignRepository.class);
    final CampaignReferentials referentials = mock(CampaignReferentials.class);
    final CampaignService campaignService = mock(CampaignService.class);
    final CampaignStarts starts = new CampaignStarts(campaigns, referentials, campaignService);

    static CampaignStarts.StartForm form(Object referential, Object opens, Object deadline, Object evaluation,
            Object deliberation, Object reminderDays, Object individualWork) {
        return new CampaignStarts.StartForm("MMDC-2027", "Session 2027", referential, opens, deadline, evaluation,
                deliberation, reminderDays, individualWork);
    }

    static Component component(String code) {
        Component component = mock(Component.class);
        when(component.code()).thenReturn(code);
        return component;
    }

    static Campaign campaign(Long id, String code, CampaignStatus status, String processInstanceId) {
        Campaign campaign = mock(Campaign.class);
        when(campaign.getId()).thenReturn(id);
        when(campaign.getCode()).thenReturn(code);
        when(campaign.getName()).thenReturn("Session " + code);
        when(campaign.getStatus()).thenReturn(status);
        when(campaign.getProcessInstanceId()).thenReturn(processInstanceId);
        return campaign;
    }

    @Nested
    class StartForm {

        @Test
        void itsDaysAreParisDaysAtTheirTimeAndEveryComposanteIsDueOnTheDeadline() {
            Referential referential = new Referential("MMDC", 1, "MMDC", List.of(
                    new Bloc("B1", 1, "Bloc 1", List.of(component("A.1"), component("A.2"))),
                    new Bloc("B2", 2, "Bloc 2", List.of(component("A.3")))));
            when(referentials.latest("MMDC")).thenReturn(Optional.of(referential));

            CampaignRequest request = starts.request(form(" MMDC ", "2027-01-10", "2027-03-31", "2027-04-15", "2027-05-03",
                    7, "A.1; A.3 ,A.2"));

            Instant deadline = Instant.parse("2027-03-31T21:59:00Z"); // 23:59 in Paris, summer time
            assertThat(request.code()).isEqualTo("MMDC-2027");
            assertThat(request.name()).isEqualTo("Session 2027");
            assertThat(request.referentialCode()).isEqualTo("MMDC");
            assertThat(request.opensAt()).isEqualTo(Instant.parse("2027-01-09T23:00:00Z")); // midnight in Paris, winter time
            assertThat(request.submissionDeadlines()).containsExactly(Map.entry("A.1", deadline), Map.entry("A.2", deadline),
                    Map.entry("A.3", deadline));
            assertThat(request.evaluationDeadline()).isEqualTo(Instant.parse("2027-04-15T21:59:00Z"));
            assertThat(request.deliberationDate()).isEqualTo(Instant.parse("2027-05-03T07:00:00Z")); // 9:00 in Paris
            assertThat(request.reminderDays()).isEqualTo(7);
            assertThat(request.individualWorkAllowed()).containsExactly("A.1", "A.3", "A.2");
        }

        @Test
        void aDateFieldGivingADateIsTakenAsItIsAndEmptyFieldsGiveNothing() {
            Date opens = Date.from(Instant.parse("2027-01-10T08:30:00Z"));

            CampaignRequest request = starts.request(form("  ", opens, "2027-03-31", " ", null, "7", " , "));

            assertThat(request.opensAt()).isEqualTo(Instant.parse("2027-01-10T08:30:00Z"));
            assertThat(request.referentialCode()).isNull();
            assertThat(request.submissionDeadlines()).isEmpty();
            assertThat(request.evaluationDeadline()).isNull();
            assertThat(request.deliberationDate()).isNull();
            assertThat(request.reminderDays()).isNull();
            assertThat(request.individualWorkAllowed()).isNull();
        }

        @Test
        void aDayThatDoesNotExistOrIsNotADayIsRefusedBeforeAnythingIsCreated() {
            assertThatThrownBy(() -> starts.create(form("MMDC", "2027-02-31", null, null, null, null, null), "pi-1"))
                    .isInstanceOf(RefusedException.class)
                    .hasMessage("Date illisible : « 2027-02-31 » (attendu AAAA-MM-JJ, une date qui existe).");
            assertThatThrownBy(() -> starts.create(form("MMDC", null, "31/03/2027", null, null, null, null), "pi-1"))
                    .hasMessage("Date illisible : « 31/03/2027 » (attendu AAAA-MM-JJ, une date qui existe).");
            verify(campaignService, never()).create(any());
        }
    }

    @Nested
    class Create {

        @Test
        void theCampaignCreatedIsRunByTheProcessInstance() {
            Campaign campaign = campaign(5L, "MMDC-2027", CampaignStatus.DRAFT, null);
            when(campaignService.create(any())).thenReturn(campaign);

            CampaignStarts.Started started = starts.create(form("MMDC", null, null, null, null, null, null), "pi-1");

            assertThat(started).isEqualTo(new CampaignStarts.Started(5L, "MMDC-2027", "Session MMDC-2027"));
            verify(campaign).runBy("pi-1");
            ArgumentCaptor<CampaignRequest> request = ArgumentCaptor.forClass(CampaignRequest.class);
            verify(campaignService).create(request.capture());
            assertThat(request.getValue().referentialCode()).isEqualTo("MMDC");
        }

        @Test
        void aCampaignRefusedSaysItCannotBeCreatedWithEachReason() {
            when(campaignService.create(any())).thenThrow(new RefusedException(RefusedException.Reason.INVALID, "Campagne refusée",
                    "Campagne refusée : 2 problèmes", List.of("code : déjà pris", "nom : manquant")));
            assertThatThrownBy(() -> starts.create(form("MMDC", null, null, null, null, null, null), "pi-1"))
                    .isInstanceOf(RefusedException.class)
                    .hasMessage("La campagne ne peut pas être créée : code : déjà pris ; nom : manquant");
        }

        @Test
        void aCampaignRefusedForOneReasonSaysItsMessage() {
            when(campaignService.create(any())).thenThrow(new ConflictException("Le code MMDC-2027 est déjà pris."));
            assertThatThrownBy(() -> starts.create(form("MMDC", null, null, null, null, null, null), "pi-1"))
                    .isInstanceOf(RefusedException.class)
                    .hasMessage("La campagne ne peut pas être créée : Le code MMDC-2027 est déjà pris.");
        }
    }

    @Nested
    class Bind {

        @Test
        void aCampaignLaunchedByCertiflowAndRunByNoInstanceBecomesThisOnes() {
            Campaign campaign = campaign(5L, "MMDC-2027", CampaignStatus.LAUNCHED, null);
            when(campaigns.findById(5L)).thenReturn(Optional.of(campaign));

            assertThat(starts.bind(5, "pi-1")).isEqualTo(new CampaignStarts.Started(5L, "MMDC-2027", "Session MMDC-2027"));
            verify(campaign).runBy("pi-1");
        }

        @Test
        void anyOtherCampaignIsRefusedAndNotBound() {
            Campaign draft = campaign(5L, "MMDC-2027", CampaignStatus.DRAFT, null);
            Campaign running = campaign(6L, "MMDC-2028", CampaignStatus.LAUNCHED, "pi-0");
            when(campaigns.findById(5L)).thenReturn(Optional.of(draft));
            when(campaigns.findById(6L)).thenReturn(Optional.of(running));

            assertThatThrownBy(() -> starts.bind(9L, "pi-1")).isInstanceOf(RefusedException.class)
                    .hasMessage("Aucune campagne n° 9.");
            assertThatThrownBy(() -> starts.bind("5", "pi-1")).hasMessage("Aucune campagne n° 5.");
            assertThatThrownBy(() -> starts.bind(5L, "pi-1")).hasMessage("La campagne MMDC-2027 n'a pas été lancée par "
                    + "Certiflow : lancez-la depuis Certiflow, qui vérifie sa cohorte et son jury.");
            assertThatThrownBy(() -> starts.bind(6L, "pi-1"))
                    .hasMessage("La campagne MMDC-2028 est déjà en cours : elle ne se lance qu'une fois.");
            verify(draft, never()).runBy(any());
            verify(running, never()).runBy(any());
        }
    }
}
