package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.campaign.Pathway;
import fr.certiflow.deliberation.BlocResultRepository;
import fr.certiflow.jury.JuryAssignment;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.production.Submission;
import fr.certiflow.production.SubmissionRepository;
import fr.certiflow.production.SubmissionService;
import fr.certiflow.production.UploadRefusedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
 * A VAE candidate's journey through a bloc: one « dossier de validation » for the whole bloc, admissibility, the
 * règlement's VAE jury, the interview with the jury, evaluation on the référentiel's criteria with the same forms,
 * harmonisation, and the bloc deliberation as for any candidate.
 */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class VaeRouteProcessTests {

    static final String ROUTE = "VAE — dossier de validation et entretien (Règlement de certification MMDC v1, révision 2)";

    @Autowired
    AssessmentFixture fixture;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ProductionRepository productions;
    @Autowired
    SubmissionRepository submissions;
    @Autowired
    SubmissionService submissionService;
    @Autowired
    JuryAssignmentRepository assignments;
    @Autowired
    BlocResultRepository blocResults;
    @Autowired
    fr.certiflow.notification.NotificationRepository notifications;

    Campaign campaign;
    Candidate candidate;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        campaign = fixture.campaign(c -> c.setResitAttempts(1));
        fixture.standardJury(campaign);
        candidate = fixture.candidate(campaign, "2027-070", c -> c.setPathway(Pathway.VAE));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aVaeCandidateHandsInOneDossierPerBlocIsInterviewedAndDeliberatedLikeTheOthers() {
        ProcessInstance bloc = fixture.startBloc(campaign, candidate, "BC1");
        BpmnAwareTests.assertThat(bloc).hasPassed("Gateway_Pathway", "Task_OpenValidationFile");
        assertThat(runtime.getVariable(bloc.getId(), Variables.ROUTE)).isEqualTo(ROUTE);

        // One production assessment per composante, sharing the bloc's dossier.
        List<ProcessInstance> components = fixture.productionsOf(bloc);
        assertThat(components).hasSize(2);
        for (ProcessInstance component : components) {
            BpmnAwareTests.assertThat(component).isWaitingAt("Task_AwaitSubmission");
            assertThat(runtime.getVariable(component.getId(), Variables.ROUTE)).isEqualTo(ROUTE);
            assertThat(runtime.getVariable(component.getId(), Variables.ORAL)).isEqualTo(true);
        }
        List<Production> produced = productions.findByCampaignIdAndCandidateIdOrderByComponentCodeAscAttemptAsc(
                campaign.getId(), candidate.getId());
        assertThat(produced).extracting(Production::getComponentCode).containsExactly("A.1", "A.2");
        assertThat(produced).extracting(Production::getSubmissionId).containsOnly(produced.get(0).getSubmissionId());
        assertThat(submissions.findByCampaignIdAndAttempt(campaign.getId(), 1)).singleElement().satisfies(submission -> {
            assertThat(submission.getComponentCode()).isEqualTo("BC1");
            assertThat(submission.getOwnerKey()).isEqualTo("candidate:2027-070");
            assertThat(submission.isGroup()).isFalse();
        });

        // The référentiel's production is not what a VAE candidate hands in: the règlement's dossier is.
        Long first = produced.get(0).getId();
        assertThatThrownBy(() -> submissionService.upload(first, "production", "plan.txt", bytes("plan"), "coordo"))
                .isInstanceOf(UploadRefusedException.class)
                .hasMessage("Document « production » inconnu pour le dossier de validation du bloc BC1 (Règlement de"
                        + " certification MMDC v1, révision 2) ; documents attendus : dossier.");
        SubmissionService.Upload upload = submissionService.upload(first, "dossier", "dossier-vae.txt",
                bytes(AssessmentFixture.FRENCH), "coordo");
        assertThat(upload.submissionComplete()).isTrue();
        fixture.runJobs();

        // One sitting for the bloc: the composantes wait for it; it alone has an admissibility check.
        for (ProcessInstance component : components) {
            BpmnAwareTests.assertThat(component).isWaitingAt("Task_AwaitGroupSitting");
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(component.getId()).count()).isZero();
        }
        ProcessInstance sitting = fixture.groupSitting(components.get(0));
        assertThat(fixture.groupSitting(components.get(1)).getId()).isEqualTo(sitting.getId());
        assertThat(sitting.getBusinessKey()).isEqualTo("vae:" + campaign.getCode() + "/2027-070/BC1");
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_CheckAdmissibility").count()).isEqualTo(1);
        Task admissibility = fixture.task(sitting, "Task_CheckAdmissibility");
        assertThat(admissibility.getName()).startsWith("Vérifier la recevabilité — Prénom2027-070 Nom2027-070 (2027-070, VAE)");
        assertThat(engine.getTaskService().getVariableLocal(admissibility.getId(), Variables.DOCUMENTS_SUMMARY).toString())
                .startsWith("**Parcours : " + ROUTE + "** — le candidat est évalué sur le dossier de validation du"
                        + " bloc BC1 et l'entretien avec le jury")
                .contains("[dossier\\-vae\\.txt]");
        fixture.admissible(sitting);

        // One jury for the bloc, from the règlement's VAE rules (two jurors, one external at least): the same jurors
        // on every composante.
        List<String> jury = assignments.findByProductionIdOrderByJurorUserId(produced.get(0).getId()).stream()
                .map(JuryAssignment::getJurorUserId).toList();
        assertThat(jury).hasSize(2).containsAnyOf("jure1", "jure3").doesNotContain("president");
        assertThat(assignments.findByProductionIdOrderByJurorUserId(produced.get(1).getId()))
                .extracting(JuryAssignment::getJurorUserId).containsExactlyElementsOf(jury);

        // One interview scheduled once: one scheduling task, one timer, one convocation.
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey("Task_ScheduleOral").list()).singleElement()
                .satisfies(task -> {
                    assertThat(task.getProcessInstanceId()).isEqualTo(sitting.getId());
                    assertThat(task.getName()).startsWith("Planifier la soutenance — Prénom2027-070 Nom2027-070 (2027-070, VAE)");
                });
        Instant oral = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
        fixture.submit(fixture.task(sitting, "Task_ScheduleOral"), "coordo", Map.of("oralDate",
                oral.atZone(ZoneId.of("Europe/Paris")).toLocalDateTime().withSecond(0).withNano(0).toString(),
                "oralPlace", "Salle 3"));
        assertThat(engine.getManagementService().createJobQuery().timers().processInstanceId(sitting.getId()).count())
                .isEqualTo(1);
        for (ProcessInstance component : components) {
            assertThat(engine.getManagementService().createJobQuery().timers().processInstanceId(component.getId())
                    .list()).noneMatch(job -> job.getDuedate().toInstant().equals(oral.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)));
        }
        // Convened once, to the règlement's interview on the dossier, for the bloc's composantes.
        List<fr.certiflow.notification.Notification> convocations = produced.stream()
                .flatMap(production -> notifications.findByProductionIdOrderById(production.getId()).stream())
                .filter(mail -> mail.getKind().equals("CONVOCATION")).toList();
        assertThat(convocations).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("Session de test — convocation à l'entretien avec le jury, bloc BC1");
            assertThat(mail.getBody()).contains("vous êtes convoqué(e) à l'entretien avec le jury sur le dossier de"
                    + " validation du bloc BC1 (" + ROUTE + ") pour les composantes A.1, A.2 du bloc BC1");
        });
        assertThat(productions.findById(produced.get(1).getId()).orElseThrow().getOralAt())
                .isEqualTo(oral.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        fixture.moveClockTo(oral.plus(Duration.ofMinutes(1)));

        // Then the same jury evaluates each composante on its own criteria, with the same forms as for the
        // candidates issus de la formation: one task per juror and composante.
        List<Task> evaluations = fixture.tasksOf(sitting, "Task_EvaluateProduction");
        assertThat(evaluations).hasSize(4);
        assertThat(evaluations).extracting(Task::getAssignee).containsOnly(jury.toArray(String[]::new));
        assertThat(evaluations).extracting(task -> runtime.getVariable(task.getExecutionId(), Variables.EVALUATION_FORM_ID))
                .containsOnly("evaluation-mmdc-v1-r2-a-1", "evaluation-mmdc-v1-r2-a-2");
        // The form says what the candidate is assessed on first: the dossier and the interview, not the production.
        assertThat(evaluations).allSatisfy(task -> {
            assertThat(engine.getTaskService().getVariableLocal(task.getId(), "vaeRoute")).isEqualTo(true);
            assertThat(engine.getTaskService().getVariableLocal(task.getId(), "vaeModality"))
                    .isEqualTo("le dossier de validation du bloc BC1 et l'entretien avec le jury");
        });
        assertThat(evaluations).extracting(Task::getName).anySatisfy(name -> assertThat(name).contains("A.1"))
                .anySatisfy(name -> assertThat(name).contains("A.2"));
        // A.1 is member 1 and A.2 member 2 (production order): the second juror rates A.2's CR2 not acquired.
        fixture.completeGroupSitting(sitting, (juror, member, key) ->
                member == 2 && juror.equals(jury.get(1)) && key.endsWith("CR2") ? "NON_ACQUIS" : "ACQUIS", java.util.Set.of());

        // The jurors disagree on one criterion of A.2 only: the president harmonises A.2, as for anyone.
        ProcessInstance a1 = component(components, "A.1");
        ProcessInstance a2 = component(components, "A.2");
        BpmnAwareTests.assertThat(a1).isWaitingAt("Task_AwaitGroupSitting");
        assertThat(fixture.tasksOf(sitting, "Task_Harmonise")).singleElement()
                .satisfies(task -> assertThat(task.getName()).contains("A.2"));
        fixture.submit(fixture.task(sitting, "Task_Harmonise"), "president", Map.of("A2_CR2_agreed", "ACQUIS",
                "harmonisationComment", "L'entretien a montré la maîtrise du critère."));
        BpmnAwareTests.assertThat(sitting).isEnded().hasPassed("SubProcess_EvaluateComponents").hasNotPassed("Task_EvaluateGroup");
        BpmnAwareTests.assertThat(a1).isEnded();
        BpmnAwareTests.assertThat(a2).isEnded().hasNotPassed("Task_CheckAdmissibility", "Task_ScheduleOral");
        assertThat(productions.findByCampaignIdAndCandidateIdOrderByComponentCodeAscAttemptAsc(campaign.getId(),
                candidate.getId())).extracting(Production::getResult).containsExactly("VALIDE", "VALIDE");

        BpmnAwareTests.assertThat(bloc).isWaitingAt("Task_DeliberateBloc");
        assertThat(runtime.getVariable(bloc.getId(), "proposedResult")).isEqualTo("VALIDE");
        fixture.submit(fixture.task(bloc, "Task_DeliberateBloc"), "president", Map.of("blocDecision", "VALIDE"));
        BpmnAwareTests.assertThat(bloc).isEnded();
        assertThat(blocResults.findByCampaignIdAndCandidateIdOrderByBlocCodeAscAttemptAsc(campaign.getId(), candidate.getId()))
                .singleElement().satisfies(result -> assertThat(result.getDecision()).isEqualTo("VALIDE"));
    }

    @Test
    void aCandidateIssuDeLaFormationKeepsTheReferentialsRoute() {
        Candidate trainee = fixture.candidate(campaign, "2027-071");
        ProcessInstance bloc = fixture.startBloc(campaign, trainee, "BC1");
        BpmnAwareTests.assertThat(bloc).hasPassed("Gateway_Pathway").hasNotPassed("Task_OpenValidationFile");
        List<Production> produced = productions.findByCampaignIdAndCandidateIdOrderByComponentCodeAscAttemptAsc(
                campaign.getId(), trainee.getId());
        assertThat(produced).extracting(Production::getSubmissionId).doesNotHaveDuplicates();
        assertThatThrownBy(() -> submissionService.upload(produced.get(0).getId(), "dossier", "dossier.txt",
                bytes("dossier"), "coordo"))
                .hasMessageStartingWith("Document « dossier » inconnu pour la composante A.1");
        assertThat(runtime.getVariable(fixture.productionsOf(bloc).get(0).getId(), Variables.ROUTE))
                .isEqualTo("Formation — modalités d'évaluation du référentiel");
    }

    @Test
    void theLaunchOpensOneDossierPerBlocForAVaeCandidateEvenWithAGroupCode() {
        // A group code set around the import (which refuses it) still never makes a VAE candidate's work collective.
        candidate.setGroupCode("G1");
        fixture.candidates.save(candidate);
        fixture.candidate(campaign, "2027-072", c -> c.setGroupCode("G1"));
        fixture.candidate(campaign, "2027-073", c -> c.setGroupCode("G1"));
        fixture.launch(campaign);

        List<Submission> opened = submissions.findByCampaignIdAndAttempt(campaign.getId(), 1);
        assertThat(opened).filteredOn(submission -> submission.getOwnerKey().equals("candidate:2027-070"))
                .extracting(Submission::getComponentCode).containsExactlyInAnyOrder("BC1", "BC2", "BC3");
        List<Production> produced = productions.findByCampaignIdAndCandidateIdOrderByComponentCodeAscAttemptAsc(
                campaign.getId(), candidate.getId());
        assertThat(produced).hasSize(5);
        assertThat(produced).allSatisfy(production -> assertThat(opened).filteredOn(s -> s.getId().equals(production.getSubmissionId()))
                .singleElement().satisfies(submission -> assertThat(submission.isGroup()).isFalse()));
    }

    private ProcessInstance component(List<ProcessInstance> components, String code) {
        return components.stream().filter(p -> code.equals(runtime.getVariable(p.getId(), Variables.COMPONENT_CODE)))
                .findFirst().orElseThrow();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
