package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.Pathway;
import fr.certiflow.deliberation.BlocResult;
import fr.certiflow.deliberation.BlocResultRepository;
import fr.certiflow.notification.Notification;
import fr.certiflow.notification.NotificationRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.production.ProductionStatus;
import fr.certiflow.production.SubmissionService;
import fr.certiflow.progress.ProductionListing;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A VAE candidate's sitting on a bloc beyond the first hand-in: the dossier returned at admissibility (one mail for the
 * bloc's dossier, not one per composante) and a deferred bloc's resit (only the composantes not validated come back,
 * to a new sitting, the validated ones being kept).
 */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class VaeSittingProcessTests {

    @Autowired
    AssessmentFixture fixture;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ProductionRepository productions;
    @Autowired
    SubmissionService submissionService;
    @Autowired
    BlocResultRepository blocResults;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    ProductionListing listing;

    Campaign campaign;
    Candidate candidate;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        campaign = fixture.campaign(c -> {
            c.setResitAttempts(1);
            c.setReminderDays(7);
        });
        fixture.standardJury(campaign);
        candidate = fixture.candidate(campaign, "2027-080", c -> c.setPathway(Pathway.VAE));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aReturnedDossierSendsOneMailForTheBlocListingWhatIsMissing() {
        ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC1");
        List<ProcessInstance> components = fixture.productionsOf(bloc);
        handInDossier(components.get(0));
        ProcessInstance sitting = fixture.groupSitting(components.get(0));

        fixture.submit(fixture.task(sitting, "Task_CheckAdmissibility"), "coordo", Map.of("admissibility", "A_RETOURNER",
                "returnReason", "La partie sur le budget du projet manque."));

        BpmnAwareTests.assertThat(sitting).isEnded().hasPassed("Task_ReturnToGroup");
        for (ProcessInstance component : components) {
            BpmnAwareTests.assertThat(component).isWaitingAt("Task_AwaitSubmission");
        }
        List<Production> produced = produced();
        assertThat(produced).allSatisfy(production -> {
            assertThat(production.getStatus()).isEqualTo(ProductionStatus.RETURNED);
            assertThat(production.getReturnedCount()).isEqualTo(1);
        });
        List<Notification> returned = mails(produced, "RETURNED", "DOSSIER_RETURNED");
        assertThat(returned).as("one mail for the bloc's dossier, not one per composante").singleElement()
                .satisfies(mail -> {
                    assertThat(mail.getKind()).isEqualTo("DOSSIER_RETURNED");
                    assertThat(mail.getRecipient()).isEqualTo(candidate.getEmail());
                    assertThat(mail.getSubject())
                            .isEqualTo("Session de test — votre dossier de validation du bloc BC1 est à compléter");
                    assertThat(mail.getBody())
                            .contains("votre dossier de validation du bloc BC1 (composantes A.1, A.2) vous est renvoyé")
                            .contains("Il y manque ou il faut reprendre ceci :\nLa partie sur le budget du projet manque.")
                            .contains("au plus tard le ")
                            .doesNotContain("{{");
                });

        // Handed in again: a new sitting for the bloc, whose return would be a second mail.
        handInDossier(components.get(1));
        ProcessInstance second = fixture.groupSitting(components.get(0));
        assertThat(second.getBusinessKey()).isEqualTo("vae:" + campaign.getCode() + "/2027-080/BC1~1");
        fixture.completeGroupSitting(second, (juror, member, key) -> "ACQUIS", Set.of());
        assertThat(produced()).extracting(Production::getResult).containsExactly("VALIDE", "VALIDE");
        assertThat(mails(produced, "RETURNED", "DOSSIER_RETURNED")).hasSize(1);
    }

    @Test
    void aReminderOfTheDossierIsOneMailForTheBloc() {
        ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC1");
        List<Production> produced = produced();
        Instant deadline = produced.get(0).getDeadline();
        assertThat(produced).extracting(Production::getDeadline).containsOnly(deadline);

        fixture.moveClockTo(deadline.minus(Duration.ofDays(7)).plusSeconds(1));

        for (ProcessInstance component : fixture.productionsOf(bloc)) {
            BpmnAwareTests.assertThat(component).isWaitingAt("Task_AwaitSubmission").hasPassed("Task_SendReminder");
        }
        assertThat(mails(produced, "REMINDER", "DOSSIER_REMINDER")).as("one reminder for the dossier").singleElement()
                .satisfies(mail -> {
                    assertThat(mail.getKind()).isEqualTo("DOSSIER_REMINDER");
                    assertThat(mail.getSubject())
                            .isEqualTo("Session de test — rappel : votre dossier de validation du bloc BC1 est attendu");
                    assertThat(mail.getBody()).contains("votre dossier de validation du bloc BC1 (composantes A.1, A.2) est"
                            + " attendu au plus tard le ");
                });
    }

    @Test
    void aDeferredBlocBringsBackOnlyTheComposantesNotValidatedToANewSittingAndKeepsTheOthers() {
        ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC1");
        List<ProcessInstance> components = fixture.productionsOf(bloc);
        handInDossier(components.get(0));
        ProcessInstance sitting = fixture.groupSitting(components.get(0));
        // Both jurors rate A.2's second criterion not acquired (member 2 = A.2, production order).
        fixture.completeGroupSitting(sitting, (juror, member, key) ->
                member == 2 && key.endsWith("CR2") ? "NON_ACQUIS" : "ACQUIS", Set.of());
        BpmnAwareTests.assertThat(sitting).isEnded();
        assertThat(produced()).extracting(Production::getComponentCode, Production::getResult)
                .containsExactly(Tuple.tuple("A.1", "VALIDE"), Tuple.tuple("A.2", "NON_VALIDE"));
        BpmnAwareTests.assertThat(bloc).isWaitingAt("Task_DeliberateBloc");
        fixture.submit(fixture.task(bloc, "Task_DeliberateBloc"), "president",
                Map.of("blocDecision", "AJOURNE", "justification", "Nouvel entretien sur la composante A.2."));

        // The second attempt opens a new dossier for the bloc and assesses A.2 alone: A.1, validated, is kept.
        BpmnAwareTests.assertThat(bloc).hasPassed("Task_PrepareResit");
        List<ProcessInstance> resit = fixture.productionsOf(bloc);
        assertThat(resit).singleElement().satisfies(production -> {
            assertThat(production.getBusinessKey()).isEqualTo(campaign.getCode() + "/2027-080/A.2#2");
            BpmnAwareTests.assertThat(production).isWaitingAt("Task_AwaitSubmission");
        });
        Production secondAttempt = productions.findByProcessKey(resit.get(0).getBusinessKey()).orElseThrow();
        assertThat(secondAttempt.getSubmissionId()).isNotEqualTo(produced().get(0).getSubmissionId());
        handInDossier(resit.get(0));

        ProcessInstance resitSitting = fixture.groupSitting(resit.get(0));
        assertThat(resitSitting.getBusinessKey()).isEqualTo("vae:" + campaign.getCode() + "/2027-080/BC1#2");
        assertThat(runtime.getVariable(resitSitting.getId(), Variables.COMPONENT_LABEL)).asString().endsWith("(A.2)");
        assertThat(runtime.getVariable(resitSitting.getId(), Variables.ATTEMPT)).isEqualTo(2);
        fixture.admissible(resitSitting);
        Task schedule = fixture.task(resitSitting, "Task_ScheduleOral");
        assertThat(schedule).as("a new interview for the composantes that came back").isNotNull();
        fixture.completeGroupSitting(resitSitting, (juror, member, key) -> "ACQUIS", Set.of());
        // One task per juror for A.2 only was opened (checked through what was recorded: two evaluations).
        BpmnAwareTests.assertThat(resitSitting).isEnded();
        BpmnAwareTests.assertThat(resit.get(0)).isEnded();

        assertThat(runtime.getVariable(bloc.getId(), "validatedCount")).isEqualTo(2);
        assertThat(runtime.getVariable(bloc.getId(), "proposedResult")).isEqualTo("VALIDE");
        fixture.submit(fixture.task(bloc, "Task_DeliberateBloc"), "president", Map.of("blocDecision", "VALIDE"));
        BpmnAwareTests.assertThat(bloc).isEnded();
        assertThat(produced()).extracting(Production::getComponentCode, Production::getAttempt, Production::getResult)
                .containsExactly(Tuple.tuple("A.1", 1, "VALIDE"), Tuple.tuple("A.2", 1, "NON_VALIDE"),
                        Tuple.tuple("A.2", 2, "VALIDE"));
        assertThat(blocResults.findByCampaignIdAndCandidateIdOrderByBlocCodeAscAttemptAsc(campaign.getId(), candidate.getId()))
                .extracting(BlocResult::getAttempt, BlocResult::getDecision)
                .containsExactly(Tuple.tuple(1, "AJOURNE"), Tuple.tuple(2, "VALIDE"));
        // Convened once per attempt, to the interview on the composantes assessed at that attempt.
        List<Notification> convocations = mails(produced(), "CONVOCATION");
        assertThat(convocations).hasSize(2);
        assertThat(convocations.get(1).getBody()).contains("pour la composante A.2 du bloc BC1");
    }

    @Test
    void theConsoleShowsOnEachComposanteItsOwnTasksAndThoseOfTheWholeSitting() {
        ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC1");
        handInDossier(fixture.productionsOf(bloc).get(0));
        ProcessInstance sitting = fixture.groupSitting(fixture.productionsOf(bloc).get(0));
        List<Production> produced = produced();

        // Done once for the bloc: shown on each composante.
        assertThat(produced).allSatisfy(production -> assertThat(listing.item(production).openTasks())
                .extracting(ProductionListing.OpenTask::key).containsExactly("Task_CheckAdmissibility"));
        fixture.admissible(sitting);
        assertThat(produced).allSatisfy(production -> assertThat(listing.item(production).openTasks())
                .extracting(ProductionListing.OpenTask::key).containsExactly("Task_ScheduleOral"));
        Instant oral = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
        fixture.submit(fixture.task(sitting, "Task_ScheduleOral"), "coordo", Map.of("oralDate",
                oral.atZone(ZoneId.of("Europe/Paris")).toLocalDateTime().withSecond(0).withNano(0).toString(),
                "oralPlace", "Salle 2"));
        fixture.moveClockTo(oral.plus(Duration.ofMinutes(1)));

        // Four evaluation tasks in the sitting (two jurors, two composantes): each composante shows its own two.
        assertThat(fixture.tasksOf(sitting, "Task_EvaluateProduction")).hasSize(4);
        for (Production production : produced) {
            String other = production.getComponentCode().equals("A.1") ? "A.2" : "A.1";
            assertThat(listing.item(production).openTasks()).hasSize(2).allSatisfy(task -> {
                assertThat(task.key()).isEqualTo("Task_EvaluateProduction");
                assertThat(task.name()).endsWith("— " + production.getComponentCode()).doesNotContain(other);
            });
        }

        // The jurors disagree on A.2 only: its harmonisation shows on A.2, nothing on A.1.
        List<String> jury = fixture.tasksOf(sitting, "Task_EvaluateProduction").stream().map(Task::getAssignee)
                .distinct().sorted().toList();
        fixture.completeGroupSitting(sitting, (juror, member, key) ->
                member == 2 && juror.equals(jury.get(1)) && key.endsWith("CR2") ? "NON_ACQUIS" : "ACQUIS", Set.of());
        assertThat(listing.item(produced.get(0)).openTasks()).isEmpty();
        assertThat(listing.item(produced.get(1)).openTasks()).singleElement()
                .satisfies(task -> assertThat(task.key()).isEqualTo("Task_Harmonise"));
    }

    /**
     * A tiers-temps VAE candidate's interview covers two composantes: the coordinator reads the règlement's sentence
     * once for the candidate, and the one convocation carries it once.
     */
    @Test
    void aTiersTempsVaeCandidateIsShownTheReglementsOralAccommodationOnce() {
        Candidate accommodated = fixture.candidate(campaign, "2027-081", c -> {
            c.setPathway(Pathway.VAE);
            c.setAccommodation(fr.certiflow.campaign.Accommodation.TIERS_TEMPS, null);
        });
        String notice = "tiers-temps — temps de préparation et de soutenance majorés d'un tiers"
                + " (Règlement de certification MMDC v1, révision 2)";
        ProcessInstance bloc = fixture.startBloc(campaign, accommodated, "BC1");
        handInDossier(fixture.productionsOf(bloc).get(0));
        ProcessInstance sitting = fixture.groupSitting(fixture.productionsOf(bloc).get(0));
        fixture.admissible(sitting);

        Task schedule = fixture.task(sitting, "Task_ScheduleOral");
        assertThat(engine.getTaskService().getVariableLocal(schedule.getId(), "oralAccommodations"))
                .isEqualTo("**Prénom2027\\-081 Nom2027\\-081** — Aménagement : " + notice);
        Instant oral = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
        fixture.submit(schedule, "coordo", Map.of("oralDate",
                oral.atZone(ZoneId.of("Europe/Paris")).toLocalDateTime().withSecond(0).withNano(0).toString(),
                "oralPlace", "Salle 2"));
        List<Production> produced = productions.findByCampaignIdAndCandidateIdOrderByComponentCodeAscAttemptAsc(
                campaign.getId(), accommodated.getId());
        assertThat(mails(produced, "CONVOCATION")).singleElement().satisfies(mail -> assertThat(mail.getBody())
                .contains("- lieu : Salle 2\n- aménagement : " + notice + "\n\n")
                .containsOnlyOnce("aménagement"));
    }

    private void handInDossier(ProcessInstance component) {
        SubmissionService.Upload upload = submissionService.upload(fixture.productionId(component), "dossier",
                "dossier-vae.txt", AssessmentFixture.FRENCH.getBytes(StandardCharsets.UTF_8), "coordo");
        assertThat(upload.submissionComplete()).isTrue();
        fixture.runJobs();
    }

    private List<Production> produced() {
        return productions.findByCampaignIdAndCandidateIdOrderByComponentCodeAscAttemptAsc(campaign.getId(), candidate.getId());
    }

    private List<Notification> mails(List<Production> produced, String... kinds) {
        return produced.stream().flatMap(production -> notifications.findByProductionIdOrderById(production.getId()).stream())
                .filter(mail -> List.of(kinds).contains(mail.getKind()))
                .sorted(java.util.Comparator.comparing(Notification::getId)).toList();
    }
}
