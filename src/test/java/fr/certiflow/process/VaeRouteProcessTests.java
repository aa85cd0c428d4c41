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
class VaeRouteProcessTests {

    static final String ROUTE = "VAE — dossier de validation et entretien (Règlement de certification MMDC v1)";

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
                        + " certification MMDC v1) ; documents attendus : dossier.");
        SubmissionService.Upload upload = submissionService.upload(first, "dossier", "dossier-vae.txt",
                bytes(AssessmentFixture.FRENCH), "coordo");
        assertThat(upload.submissionComplete()).isTrue();
        fixture.runJobs();

        for (ProcessInstance component : components) {
            BpmnAwareTests.assertThat(component).isWaitingAt("Task_CheckAdmissibility");
            Task admissibility = fixture.task(component, "Task_CheckAdmissibility");
            assertThat(engine.getTaskService().getVariableLocal(admissibility.getId(), Variables.DOCUMENTS_SUMMARY).toString())
                    .startsWith("**Parcours : " + ROUTE + "** — le candidat est évalué sur le dossier de validation du"
                            + " bloc BC1 et l'entretien avec le jury")
                    .contains("[dossier\\-vae\\.txt]");
            fixture.admissible(component);

            // The règlement's VAE jury (two jurors, one external at least), then the interview is scheduled.
            Long productionId = fixture.productionId(component);
            List<JuryAssignment> jury = assignments.findByProductionIdOrderByJurorUserId(productionId);
            assertThat(jury).hasSize(2);
            assertThat(jury).extracting(JuryAssignment::getJurorUserId).containsAnyOf("jure1", "jure3")
                    .doesNotContain("president");
            Task interview = fixture.task(component, "Task_ScheduleOral");
            assertThat(interview.getName()).startsWith("Planifier la soutenance — Prénom2027-070 Nom2027-070 (2027-070, VAE)");
        }
        Instant oral = ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(1));
        for (ProcessInstance component : components) {
            fixture.submit(fixture.task(component, "Task_ScheduleOral"), "coordo", Map.of("oralDate",
                    oral.atZone(ZoneId.of("Europe/Paris")).toLocalDateTime().withSecond(0).withNano(0).toString(),
                    "oralPlace", "Salle 3"));
        }
        // Convened to the règlement's interview on the dossier, not to a soutenance.
        assertThat(notifications.findByProductionIdOrderById(produced.get(0).getId()))
                .filteredOn(mail -> mail.getKind().equals("CONVOCATION")).singleElement().satisfies(mail -> {
                    assertThat(mail.getSubject()).isEqualTo("Session de test — convocation à l'entretien avec le jury,"
                            + " composante A.1");
                    assertThat(mail.getBody()).contains("vous êtes convoqué(e) à l'entretien avec le jury sur le dossier de"
                            + " validation du bloc BC1 (" + ROUTE + ") pour la composante A.1");
                });
        fixture.moveClockTo(oral.plus(Duration.ofMinutes(1)));

        // The same evaluation forms as for the candidates issus de la formation: the référentiel's criteria.
        ProcessInstance a1 = component(components, "A.1");
        ProcessInstance a2 = component(components, "A.2");
        assertThat(runtime.getVariable(a1.getId(), Variables.EVALUATION_FORM_ID)).isEqualTo("evaluation-mmdc-v1-r1-a-1");
        fixture.evaluateAll(a1, "A.1", 3, (juror, key) -> "ACQUIS");
        List<String> a2Jurors = fixture.tasksOf(a2, "Task_EvaluateProduction").stream().map(Task::getAssignee).toList();
        fixture.evaluateAll(a2, "A.2", 4, (juror, key) ->
                juror.equals(a2Jurors.get(1)) && key.endsWith("CR2") ? "NON_ACQUIS" : "ACQUIS");

        // The jurors disagree on one criterion: the president harmonises, as for anyone.
        BpmnAwareTests.assertThat(a2).isWaitingAt("Task_Harmonise");
        fixture.submit(fixture.task(a2, "Task_Harmonise"), "president", Map.of("A2_CR2_agreed", "ACQUIS",
                "harmonisationComment", "L'entretien a montré la maîtrise du critère."));
        BpmnAwareTests.assertThat(a1).isEnded();
        BpmnAwareTests.assertThat(a2).isEnded().hasPassed("Task_Harmonise");

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
