package fr.certiflow.process;

import static fr.certiflow.process.AssessmentFixture.DEADLINE;
import static fr.certiflow.process.AssessmentFixture.ENGLISH;
import static fr.certiflow.process.AssessmentFixture.FRENCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.campaign.Accommodation;
import fr.certiflow.campaign.Campaign;
import fr.certiflow.campaign.Candidate;
import fr.certiflow.documents.ConsolidatedGrids;
import fr.certiflow.documents.MinutesService;
import fr.certiflow.evaluation.ConsolidatedRating;
import fr.certiflow.evaluation.ConsolidatedRatingRepository;
import fr.certiflow.evaluation.EvaluationRepository;

import fr.certiflow.grid.GridRepository;
import fr.certiflow.jury.JuryAssignment;
import fr.certiflow.jury.JuryAssignmentRepository;
import fr.certiflow.jury.JuryDerogation;
import fr.certiflow.jury.JuryDerogationRepository;
import fr.certiflow.notification.Notification;
import fr.certiflow.notification.NotificationRepository;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionFileRepository;
import fr.certiflow.production.ProductionRepository;
import fr.certiflow.production.ProductionStatus;
import fr.certiflow.production.UploadRefusedException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Every path of the production assessment process, driven as its users drive it. */
@SpringBootTest
@ActiveProfiles("test")
@Tag("application")
class ProductionAssessmentProcessTests {

    @Autowired
    AssessmentFixture fixture;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    ProductionRepository productions;
    @Autowired
    ProductionFileRepository files;
    @Autowired
    NotificationRepository notifications;
    @Autowired
    JuryAssignmentRepository assignments;
    @Autowired
    GridRepository grids;
    @Autowired
    EvaluationRepository evaluations;
    @Autowired
    ConsolidatedRatingRepository consolidated;
    @Autowired
    JuryDerogationRepository derogations;
    @Autowired
    ConsolidatedGrids consolidatedGrids;
    @Autowired
    MinutesService minutes;

    Campaign campaign;
    Candidate candidate;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        campaign = fixture.campaign(c -> c.setReminderDays(7));
        fixture.standardJury(campaign);
        candidate = fixture.candidate(campaign, "2027-001");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Nested
    class Submission {

        @Test
        void anOnTimeSubmissionGoesToTheAdmissibilityCheck() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.4");
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AwaitSubmission");
            Long productionId = fixture.productionId(instance);
            assertThat(runtime.getVariable(instance.getId(), Variables.SUBMISSION_DEADLINE)).isEqualTo(Date.from(DEADLINE));

            var upload = fixture.submitAll(productionId, "A.4", FRENCH);

            assertThat(upload.submissionComplete()).isTrue();
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckAdmissibility");
            Task task = fixture.task(instance, "Task_CheckAdmissibility");
            assertThat(task.getName()).isEqualTo("Vérifier la recevabilité — Candidat n° 2027-001 — A.4");
            assertThat(engine.getFormService().getTaskFormVariables(task.getId()).getValue("documentsSummary", String.class))
                    .matches("- \\[production\\\\\\.txt\\]\\(/api/productions/" + productionId + "/files/\\d+\\)\n");
            assertThat(productions.findById(productionId).orElseThrow().getStatus()).isEqualTo(ProductionStatus.SUBMITTED);
        }

        @Test
        void aProductionNotHandedInByTheDeadlineEndsAbsent() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.4");
            Long productionId = fixture.productionId(instance);

            fixture.moveClockTo(DEADLINE.plusSeconds(1));

            BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Event_SubmissionDeadline", "EndEvent_Absent");
            Production production = productions.findById(productionId).orElseThrow();
            assertThat(production.getResult()).isEqualTo("ABSENT");
            assertThat(production.getStatus()).isEqualTo(ProductionStatus.ABSENT);
            assertThatThrownBy(() -> fixture.submitAll(production.getId(), "A.4", FRENCH))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("date limite de remise est dépassée");
        }

        @Test
        void aReminderIsSentOnceBeforeTheDeadlineAndTheProductionStillWaits() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.4");
            Long productionId = fixture.productionId(instance);
            assertThat(notifications.findByProductionIdOrderById(productionId)).isEmpty();

            fixture.moveClockTo(DEADLINE.minus(Duration.ofDays(7)).plusSeconds(1));

            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AwaitSubmission").hasPassed("Task_SendReminder");
            List<Notification> sent = notifications.findByProductionIdOrderById(productionId);
            assertThat(sent).singleElement().satisfies(notification -> {
                assertThat(notification.getKind()).isEqualTo("REMINDER");
                assertThat(notification.getRecipient()).isEqualTo("candidat2027-001@example.org");
                assertThat(notification.getBody()).contains("au plus tard le lundi 1 mars 2027 à 18h00");
            });
        }

        @Test
        void tiersTempsExtendsTheDeadlineByAThirdOfThePeriod() {
            Candidate accommodated = fixture.candidate(campaign, "2027-002",
                    c -> c.setAccommodation(Accommodation.TIERS_TEMPS, null));
            ProcessInstance instance = fixture.startProduction(campaign, accommodated, "A.4");
            Instant extended = DEADLINE.plus(Duration.between(AssessmentFixture.OPENS, DEADLINE).dividedBy(3));

            assertThat(runtime.getVariable(instance.getId(), Variables.SUBMISSION_DEADLINE)).isEqualTo(Date.from(extended));
            fixture.moveClockTo(DEADLINE.plus(Duration.ofDays(1)));
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AwaitSubmission");
            fixture.submitAll(fixture.productionId(instance), "A.4", FRENCH);
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckAdmissibility");
        }

        @Test
        void aFixedExtensionMovesTheDeadlineTimer() {
            Candidate accommodated = fixture.candidate(campaign, "2027-003",
                    c -> c.setAccommodation(Accommodation.EXTENSION, 10));
            ProcessInstance instance = fixture.startProduction(campaign, accommodated, "A.4");

            Job deadline = management.createJobQuery().processInstanceId(instance.getId()).activityId("Event_SubmissionDeadline").singleResult();
            assertThat(deadline.getDuedate()).isEqualTo(Date.from(DEADLINE.plus(Duration.ofDays(10))));
            fixture.moveClockTo(DEADLINE.plus(Duration.ofDays(10)).minusSeconds(1));
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AwaitSubmission");
            fixture.moveClockTo(DEADLINE.plus(Duration.ofDays(10)).plusSeconds(1));
            BpmnAwareTests.assertThat(instance).isEnded().hasPassed("EndEvent_Absent");
        }

        @Test
        void aGroupSubmissionReachesEveryMemberWhoJoinsTheGroupsSitting() {
            Candidate first = fixture.candidate(campaign, "2027-010", c -> c.setGroupCode("G1"));
            Candidate second = fixture.candidate(campaign, "2027-011", c -> c.setGroupCode("G1"));
            ProcessInstance one = fixture.startProduction(campaign, first, "A.1");
            ProcessInstance two = fixture.startProduction(campaign, second, "A.1");
            Production p1 = productions.findById(fixture.productionId(one)).orElseThrow();
            Production p2 = productions.findById(fixture.productionId(two)).orElseThrow();
            assertThat(p1.getSubmissionId()).isEqualTo(p2.getSubmissionId());
            assertThat(p1.getId()).isNotEqualTo(p2.getId());

            fixture.submitAll(p1.getId(), "A.1", FRENCH);

            // One admissibility check, at the group's sitting (GroupSittingProcessTests walks it to its end).
            BpmnAwareTests.assertThat(one).isWaitingAt("Task_AwaitGroupSitting");
            BpmnAwareTests.assertThat(two).isWaitingAt("Task_AwaitGroupSitting");
            ProcessInstance sitting = fixture.groupSitting(one);
            assertThat(fixture.groupSitting(two).getId()).isEqualTo(sitting.getId());
            BpmnAwareTests.assertThat(sitting).isWaitingAt("Task_CheckAdmissibility");
            assertThat(files.findBySubmissionIdOrderById(p2.getSubmissionId())).hasSize(1);
        }

        @Test
        void anUploadWhoseNameLiesAboutItsContentIsRefusedAndChangesNothing() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.4");
            Long productionId = fixture.productionId(instance);
            byte[] zip = {0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

            assertThatThrownBy(() -> fixture.submissions.upload(productionId, "production", "rapport.pdf", zip, "coordo"))
                    .isInstanceOf(UploadRefusedException.class).hasMessageContaining("rapport.pdf");
            assertThatThrownBy(() -> fixture.submissions.upload(productionId, "production", "notes.txt",
                    "%PDF-1.4 faux".getBytes(StandardCharsets.UTF_8), "coordo"))
                    .isInstanceOf(UploadRefusedException.class).hasMessageContaining("n'est pas ce que son nom annonce");
            assertThatThrownBy(() -> fixture.submissions.upload(productionId, "annexe", "a.txt", FRENCH.getBytes(StandardCharsets.UTF_8), "coordo"))
                    .isInstanceOf(UploadRefusedException.class).hasMessageContaining("Document « annexe » inconnu");
            assertThat(files.findBySubmissionIdOrderById(productions.findById(productionId).orElseThrow().getSubmissionId())).isEmpty();
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AwaitSubmission");
        }
    }

    @Nested
    class Admissibility {

        @Test
        void aReturnedProductionWaitsForANewSubmissionOnceOnly() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.4");
            Long productionId = fixture.productionId(instance);
            fixture.submitAll(productionId, "A.4", FRENCH);

            fixture.submit(fixture.task(instance, "Task_CheckAdmissibility"), "coordo",
                    Map.of("admissibility", "A_RETOURNER", "returnReason", "Le budget manque."));

            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AwaitSubmission").hasPassed("Task_ReturnProduction");
            Production production = productions.findById(productionId).orElseThrow();
            assertThat(production.getStatus()).isEqualTo(ProductionStatus.RETURNED);
            assertThat(production.getReturnReason()).isEqualTo("Le budget manque.");
            assertThat(notifications.findByProductionIdOrderById(productionId)).extracting(Notification::getKind)
                    .containsExactly("RETURNED");

            fixture.submitAll(productionId, "A.4", FRENCH);
            Task second = fixture.task(instance, "Task_CheckAdmissibility");
            assertThatThrownBy(() -> fixture.submit(second, "coordo",
                    Map.of("admissibility", "A_RETOURNER", "returnReason", "Encore.")))
                    .hasMessageContaining("déjà été renvoyée une fois");
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckAdmissibility");
        }

        @Test
        void aReturnNeedsAReasonAndTimeLeft() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.4");
            fixture.submitAll(fixture.productionId(instance), "A.4", FRENCH);
            Task task = fixture.task(instance, "Task_CheckAdmissibility");
            assertThatThrownBy(() -> fixture.submit(task, "coordo", Map.of("admissibility", "A_RETOURNER")))
                    .hasMessageContaining("raison du renvoi");
            ClockUtil.setCurrentTime(Date.from(DEADLINE.plusSeconds(60)));
            assertThatThrownBy(() -> fixture.submit(task, "coordo", Map.of("admissibility", "A_RETOURNER", "returnReason", "x")))
                    .hasMessageContaining("date limite de remise est passée");
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckAdmissibility");
        }

        @Test
        void theChecklistIsTheReferentialsRequiredContentsAndAReturnNamesTheMissingOnesThenTheProductionIsAccepted() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.4");
            Long productionId = fixture.productionId(instance);
            fixture.submitAll(productionId, "A.4", FRENCH);
            Task task = fixture.task(instance, "Task_CheckAdmissibility");
            // The six items of the référentiel's « comprenant : … » for A.4, one checkbox each, valued by rank.
            String options = String.valueOf(engine.getFormService().getTaskFormVariables(task.getId())
                    .getValue(Variables.REQUIRED_CONTENTS_OPTIONS, Object.class));
            assertThat(options).contains("{\"label\":\"la présentation de la méthode de conduite de projet\",\"value\":\"1\"}",
                    "{\"label\":\"les outils de suivi et d'évaluation\",\"value\":\"6\"}");

            // Two items unticked: « recevable » without a written reason is refused, nothing changes.
            Map<String, Object> fourOfSix = Map.of(Variables.REQUIRED_CONTENTS_PRESENT, ranks("1", "2", "3", "4"));
            Map<String, Object> admissible = new HashMap<>(fourOfSix);
            admissible.put("admissibility", "RECEVABLE");
            assertThatThrownBy(() -> fixture.submit(task, "coordo", admissible))
                    .hasMessageContaining("La production ne comprend pas : les éléments de référence du projet "
                            + "(cahier des charges, budget, planning) ; les outils de suivi et d'évaluation");
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckAdmissibility");
            assertThat(productions.findById(productionId).orElseThrow().getMissingContents()).isEmpty();

            // Returned: the production keeps the two items and the mail names them before the reason.
            Map<String, Object> returned = new HashMap<>(fourOfSix);
            returned.put("admissibility", "A_RETOURNER");
            returned.put("returnReason", "Merci de compléter votre plan.");
            fixture.submit(task, "coordo", returned);
            Production production = productions.findById(productionId).orElseThrow();
            assertThat(production.getStatus()).isEqualTo(ProductionStatus.RETURNED);
            assertThat(production.getMissingContents()).containsExactly(
                    "les éléments de référence du projet (cahier des charges, budget, planning)",
                    "les outils de suivi et d'évaluation");
            assertThat(notifications.findByProductionIdOrderById(productionId)).singleElement().satisfies(mail ->
                    assertThat(mail.getBody()).contains("Éléments attendus par le référentiel et absents de votre production :\n"
                            + "- les éléments de référence du projet (cahier des charges, budget, planning)\n"
                            + "- les outils de suivi et d'évaluation\n"
                            + "Merci de compléter votre plan."));

            // Handed in again, complete: every item ticked, admissible, nothing missing any more.
            fixture.submitAll(productionId, "A.4", FRENCH);
            fixture.admissible(instance);
            production = productions.findById(productionId).orElseThrow();
            // Admissible, and already on to its jury.
            assertThat(production.getStatus()).isEqualTo(ProductionStatus.UNDER_EVALUATION);
            assertThat(production.getMissingContents()).isEmpty();
            assertThat(production.getAdmissibleDespite()).isNull();
            assertThat(fixture.tasksOf(instance, "Task_EvaluateProduction")).hasSize(2).allSatisfy(evaluation -> assertThat(
                    engine.getTaskService().getVariableLocal(evaluation.getId(), Variables.ADMISSIBILITY_NOTE))
                    .as("nothing missing, no note").isNull());
        }

        @Test
        void aProductionMissingAnItemIsAdmissibleOnlyWithAWrittenReasonWhichIsKept() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.4");
            Long productionId = fixture.productionId(instance);
            fixture.submitAll(productionId, "A.4", FRENCH);
            Task task = fixture.task(instance, "Task_CheckAdmissibility");

            fixture.submit(task, "coordo", Map.of("admissibility", "RECEVABLE",
                    Variables.REQUIRED_CONTENTS_PRESENT, ranks("1", "2", "3", "4", "5"),
                    Variables.ADMISSIBLE_DESPITE_MISSING, "Les outils de suivi figurent en annexe du planning."));

            Production production = productions.findById(productionId).orElseThrow();
            assertThat(production.getStatus()).isEqualTo(ProductionStatus.UNDER_EVALUATION);
            assertThat(production.getMissingContents()).containsExactly("les outils de suivi et d'évaluation");
            assertThat(production.getAdmissibleDespite()).isEqualTo("Les outils de suivi figurent en annexe du planning.");
            // Each juror's form shows what was missing and why it was admitted all the same.
            List<Task> evaluationTasks = fixture.tasksOf(instance, "Task_EvaluateProduction");
            assertThat(evaluationTasks).hasSize(2).allSatisfy(evaluation -> assertThat(
                    engine.getTaskService().getVariableLocal(evaluation.getId(), Variables.ADMISSIBILITY_NOTE))
                    .isEqualTo("**Recevable malgré des éléments manquants.** Le coordinateur a relevé l'absence de :\n\n"
                            + "- les outils de suivi et d'évaluation\n"
                            + "\nJustification : Les outils de suivi figurent en annexe du planning."));
        }

        @Test
        void aTickOutsideTheListIsRefused() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.4");
            fixture.submitAll(fixture.productionId(instance), "A.4", FRENCH);
            Task task = fixture.task(instance, "Task_CheckAdmissibility");
            assertThatThrownBy(() -> fixture.submit(task, "coordo", Map.of("admissibility", "RECEVABLE",
                    Variables.REQUIRED_CONTENTS_PRESENT, ranks("1", "2", "3", "4", "5", "6", "7"))))
                    .hasMessageContaining("Contenu attendu inconnu : « 7 »");
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckAdmissibility");
        }

        @Test
        void theProcurementCaseTakesTheWholeCaseAndTheLanguageIsReportedPerDocument() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.5");
            Long productionId = fixture.productionId(instance);
            // The candidate's tools and another part first (optional, any language), then the two English documents.
            var tools = fixture.submissions.upload(productionId, "tools", "grille-de-selection.txt",
                    FRENCH.getBytes(StandardCharsets.UTF_8), "coordo");
            assertThat(tools.submissionComplete()).isFalse();
            assertThat(tools.missingDocuments()).containsExactly("framing", "quotes");
            fixture.submissions.upload(productionId, "other", "annexe.txt", FRENCH.getBytes(StandardCharsets.UTF_8), "coordo");
            fixture.submissions.upload(productionId, "framing", "framing.txt", ENGLISH.getBytes(StandardCharsets.UTF_8), "coordo");
            var quotes = fixture.submissions.upload(productionId, "quotes", "quote-1.txt", FRENCH.getBytes(StandardCharsets.UTF_8), "coordo");
            assertThat(quotes.submissionComplete()).isTrue();
            fixture.runJobs();

            Task task = fixture.task(instance, "Task_CheckAdmissibility");
            var shown = engine.getFormService().getTaskFormVariables(task.getId());
            assertThat(shown.getValue(Variables.DOCUMENTS_SUMMARY, String.class)).contains("grille\\-de\\-selection\\.txt",
                    "annexe\\.txt", "framing\\.txt", "quote\\-1\\.txt");
            // Two documents checked, one line each: the English framing passes, the French quote is named.
            String languages = shown.getValue(Variables.LANGUAGE_CHECK_SUMMARY, String.class);
            assertThat(languages.lines().filter(line -> line.startsWith("- "))).hasSize(2);
            assertThat(languages).contains("Attention : langue non conforme")
                    .containsPattern("- Document de cadrage[^\n]*« framing\\.txt » : anglais \\(confiance \\d+ %\\) ✔")
                    .containsPattern("- Devis des prestataires[^\n]*« quote-1\\.txt » : français[^\n]*⚠ attendu : anglais")
                    .doesNotContain("annexe.txt").doesNotContain("grille-de-selection.txt");
            assertThat(files.findBySubmissionIdOrderById(productions.findById(productionId).orElseThrow().getSubmissionId()))
                    .extracting(file -> file.getDocumentCode())
                    .containsExactly("tools", "other", "framing", "quotes");
        }

        @Test
        void procurementDocumentsNotInEnglishAreFlaggedToTheCoordinator() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.5");
            fixture.submitAll(fixture.productionId(instance), "A.5", FRENCH);

            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_CheckAdmissibility").hasPassed("Task_CheckLanguage");
            Task task = fixture.task(instance, "Task_CheckAdmissibility");
            // Shown in the coordinator's form, kept on the task: the instance holds no copy.
            assertThat(engine.getFormService().getTaskFormVariables(task.getId()).getValue(Variables.LANGUAGE_CHECK_SUMMARY, String.class))
                    .contains("Attention : langue non conforme").contains("français").contains("attendu : anglais");
            assertThat(runtime.getVariable(instance.getId(), Variables.LANGUAGE_CHECK_SUMMARY)).isNull();
        }

        @Test
        void procurementDocumentsInEnglishPassTheCheck() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.5");
            Long productionId = fixture.productionId(instance);
            fixture.submitAll(productionId, "A.5", ENGLISH);

            Task task = fixture.task(instance, "Task_CheckAdmissibility");
            assertThat(engine.getFormService().getTaskFormVariables(task.getId()).getValue(Variables.LANGUAGE_CHECK_SUMMARY, String.class))
                    .startsWith("Tous les documents sont dans la langue exigée.").contains("anglais (confiance");
            assertThat(files.findBySubmissionIdOrderById(productions.findById(productionId).orElseThrow().getSubmissionId()))
                    .allSatisfy(file -> assertThat(file.getDetectedLanguage()).isEqualTo("en"));
        }
    }

    @Nested
    class JuryAndEvaluation {

        @Test
        void jurorsWhoAgreeGiveTheResultOfTheDecisionTable() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.4");
            Long productionId = fixture.productionId(instance);
            fixture.submitAll(productionId, "A.4", FRENCH);
            fixture.admissible(instance);

            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_EvaluateProduction");
            List<Task> evaluationTasks = fixture.tasksOf(instance, "Task_EvaluateProduction");
            assertThat(evaluationTasks).extracting(Task::getAssignee).containsExactly("jure1", "jure2");
            assertThat(assignments.findByProductionIdOrderByJurorUserId(productionId)).extracting(JuryAssignment::getJurorUserId)
                    .containsExactly("jure1", "jure2");
            assertThat(grids.findByProductionIdOrderByJurorUserId(productionId)).hasSize(2);
            assertThat(evaluationTasks.get(0).getName()).isEqualTo("Évaluer la production — Candidat n° 2027-001 — A.4");

            fixture.evaluateAll(instance, "A.4", 4, (juror, key) -> "ACQUIS");

            BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_Consolidate", "Task_DecideComponentResult")
                    .hasNotPassed("Task_Harmonise");
            assertThat(productions.findById(productionId).orElseThrow().getResult()).isEqualTo("VALIDE");
            assertThat(evaluations.findByProductionIdOrderByJurorUserId(productionId)).hasSize(2);
        }

        @Test
        void oneNonAcquisCriterionOnWhichJurorsAgreeGivesNonValide() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.4");
            Long productionId = fixture.productionId(instance);
            fixture.submitAll(productionId, "A.4", FRENCH);
            fixture.admissible(instance);
            fixture.evaluateAll(instance, "A.4", 4, (juror, key) -> key.endsWith("CR2") ? "NON_ACQUIS" : "ACQUIS");

            BpmnAwareTests.assertThat(instance).isEnded();
            assertThat(productions.findById(productionId).orElseThrow().getResult()).isEqualTo("NON_VALIDE");
            assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                    .variableName(Variables.ACQUIRED_PERCENT).singleResult().getValue()).isEqualTo(75.0);
        }

        @Test
        void aNonAcquisWithoutCommentIsRefusedAndTheTaskStaysOpen() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.4");
            fixture.submitAll(fixture.productionId(instance), "A.4", FRENCH);
            fixture.admissible(instance);
            Task task = fixture.tasksOf(instance, "Task_EvaluateProduction").get(0);
            Map<String, Object> values = new java.util.HashMap<>(fixture.evaluation(AssessmentFixture.keys("A.4", 4), key -> "NON_ACQUIS"));
            values.remove("A4_CR3_comment");

            assertThatThrownBy(() -> fixture.submit(task, task.getAssignee(), values))
                    .hasMessageContaining("critère « Pertinence des outils d'organisation et de suivi du projet » (A.4-CR3) : "
                            + "un commentaire est obligatoire lorsque le critère est non acquis");
            assertThat(fixture.tasksOf(instance, "Task_EvaluateProduction")).hasSize(2);
            assertThat(evaluations.findByProductionIdOrderByJurorUserId(fixture.productionId(instance))).isEmpty();
        }

        @Test
        void aJurorDoesNotSeeTheOtherJurorsRatings() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.4");
            fixture.submitAll(fixture.productionId(instance), "A.4", FRENCH);
            fixture.admissible(instance);
            List<Task> both = fixture.tasksOf(instance, "Task_EvaluateProduction");
            fixture.submit(both.get(0), both.get(0).getAssignee(),
                    fixture.evaluation(AssessmentFixture.keys("A.4", 4), key -> "NON_ACQUIS"));

            var seenBySecond = engine.getFormService().getTaskFormVariables(both.get(1).getId());
            assertThat(seenBySecond.get("A4_CR1_rating")).isNull();
            assertThat(seenBySecond.get("A4_CR1_comment")).isNull();
            assertThat(runtime.getVariable(instance.getId(), "A4_CR1_rating")).isNull();
        }

        @Test
        void divergingJurorsGoToTheJuryPresidentWhoseRatingsDecide() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.4");
            Long productionId = fixture.productionId(instance);
            fixture.submitAll(productionId, "A.4", FRENCH);
            fixture.admissible(instance);
            fixture.evaluateAll(instance, "A.4", 4,
                    (juror, key) -> juror.equals("jure2") && key.endsWith("CR1") ? "NON_ACQUIS" : "ACQUIS");

            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_Harmonise");
            Task harmonise = fixture.task(instance, "Task_Harmonise");
            var shown = engine.getFormService().getTaskFormVariables(harmonise.getId());
            // One block per criterion, the jurors by name (« Juré jure1 » is the fixture's), stacked: no table to scroll.
            assertThat((String) shown.get("evaluationsSideBySide").toString())
                    .contains("#### Critère 1 — Qualité de l'organisation du projet — **à harmoniser**\n\n"
                            + "- **Juré jure1** : Acquis — « Bien. »\n"
                            + "- **Juré jure2** : Non acquis — « Le critère A4\\_CR1 n'est pas démontré. »\n")
                    .contains("#### Critère 2 — ").contains(" — concordant\n").doesNotContain("|");
            assertThat(shown.get("A4_CR2_agreed")).isEqualTo("ACQUIS");
            assertThat(shown.get("A4_CR1_agreed")).isNull();

            assertThatThrownBy(() -> fixture.submit(harmonise, "president", Map.of("A4_CR1_agreed", "ACQUIS")))
                    .hasMessageContaining("justifiez l'harmonisation");
            fixture.submit(harmonise, "president", Map.of("A4_CR1_agreed", "NON_ACQUIS",
                    "harmonisationComment", "L'équipe-projet n'est pas décrite."));

            BpmnAwareTests.assertThat(instance).isEnded().hasPassed("Task_Harmonise");
            assertThat(productions.findById(productionId).orElseThrow().getResult()).isEqualTo("NON_VALIDE");
            assertThat(consolidated.findByProductionIdOrderByCriterionCode(productionId))
                    .filteredOn(ConsolidatedRating::isHarmonised).singleElement()
                    .satisfies(rating -> {
                        assertThat(rating.getCriterionCode()).isEqualTo("A.4-CR1");
                        assertThat(rating.getRating()).isEqualTo("NON_ACQUIS");
                    });
        }

        @Test
        void theProcurementCaseGetsAnEnglishQualifiedJuror() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.5");
            fixture.submitAll(fixture.productionId(instance), "A.5", ENGLISH);
            fixture.admissible(instance);

            // A.5 has an oral part: the defense is scheduled first.
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_ScheduleOral");
            assertThat(assignments.findByProductionIdOrderByJurorUserId(fixture.productionId(instance)))
                    .extracting(JuryAssignment::getJurorUserId).contains("jure3");
        }

        @Test
        void withoutAnEligibleJurorACoordinatorAssignsTheJury() {
            Campaign lonely = fixture.campaign(c -> { });
            fixture.juror(lonely, "jure2", false, false);
            Candidate alone = fixture.candidate(lonely, "2027-100");
            ProcessInstance instance = fixture.startProduction(lonely, alone, "A.4");
            fixture.submitAll(fixture.productionId(instance), "A.4", FRENCH);
            fixture.admissible(instance);

            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AssignJuryManually").hasPassed("Event_NoEligibleJuror");
            Task manual = fixture.task(instance, "Task_AssignJuryManually");
            assertThatThrownBy(() -> fixture.submit(manual, "coordo", Map.of("jurorIds", "jure2, inconnu")))
                    .hasMessageContaining("« inconnu » n'est pas un juré du jury de cette campagne");
            // jure1 is in another campaign's pool (the one of setUp): a juror, but not one of this jury.
            assertThatThrownBy(() -> fixture.submit(manual, "coordo", Map.of("jurorIds", "jure2, jure1")))
                    .hasMessageContaining("« jure1 » n'est pas un juré du jury de cette campagne");
            assertThat(assignments.findByProductionIdOrderByJurorUserId(fixture.productionId(instance))).isEmpty();
            // One internal juror breaks two rules: only a written reason sets them aside.
            fixture.submit(manual, "coordo", Map.of("jurorIds", "jure2",
                    "derogationReason", "Le seul juré disponible pour cette session."));

            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_EvaluateProduction");
            assertThat(assignments.findByProductionIdOrderByJurorUserId(fixture.productionId(instance)))
                    .singleElement().satisfies(assignment -> assertThat(assignment.isManual()).isTrue());
            assertThat(derogations.findByProductionId(fixture.productionId(instance)).orElseThrow().breaches()).containsExactly(
                    "1 juré désigné, le règlement en prévoit 2",
                    "aucun professionnel extérieur dans le jury, le règlement en demande au moins 1");
        }

        @Test
        void anOralIsScheduledAndTheEvaluationOpensOnItsDate() {
            ProcessInstance instance = fixture.startProduction(campaign, candidate, "A.2");
            fixture.submitAll(fixture.productionId(instance), "A.2", FRENCH);
            fixture.admissible(instance);
            Task schedule = fixture.task(instance, "Task_ScheduleOral");
            assertThat(schedule.getName()).isEqualTo("Planifier la soutenance — Prénom2027-001 Nom2027-001 (2027-001) — A.2");

            assertThatThrownBy(() -> fixture.submit(schedule, "coordo", Map.of("oralDate", "2026-01-01T10:00", "oralPlace", "Salle 1")))
                    .hasMessageContaining("dans le futur");
            fixture.submit(schedule, "coordo", Map.of("oralDate", "2027-03-15T14:30", "oralPlace", "Salle 204"));

            BpmnAwareTests.assertThat(instance).isWaitingAt("Event_OralDate");
            Instant oral = Instant.parse("2027-03-15T13:30:00Z");
            assertThat(management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult().getDuedate())
                    .isEqualTo(Date.from(oral));
            fixture.moveClockTo(oral.minus(1, ChronoUnit.MINUTES));
            BpmnAwareTests.assertThat(instance).isWaitingAt("Event_OralDate");
            fixture.moveClockTo(oral.plusSeconds(1));
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_EvaluateProduction");
            assertThat(productions.findById(fixture.productionId(instance)).orElseThrow().getOralPlace()).isEqualTo("Salle 204");
        }

        /**
         * What tiers-temps gives at the oral is the règlement's sentence: the coordinator reads it on the scheduling
         * task, the candidate on the convocation. A candidate without tiers-temps reads nothing of it.
         */
        @Test
        void aTiersTempsCandidatesOralShowsWhatTheReglementGives() {
            String notice = "tiers-temps — temps de préparation et de soutenance majorés d'un tiers"
                    + " (Règlement de certification MMDC v1, révision 2)";
            Candidate accommodated = fixture.candidate(campaign, "2027-002",
                    c -> c.setAccommodation(Accommodation.TIERS_TEMPS, null));
            ProcessInstance tiersTemps = fixture.startProduction(campaign, accommodated, "A.2");
            ProcessInstance other = fixture.startProduction(campaign, candidate, "A.2");
            for (ProcessInstance instance : List.of(tiersTemps, other)) {
                fixture.submitAll(fixture.productionId(instance), "A.2", FRENCH);
                fixture.admissible(instance);
            }
            Task accommodatedSchedule = fixture.task(tiersTemps, "Task_ScheduleOral");
            Task otherSchedule = fixture.task(other, "Task_ScheduleOral");
            assertThat(engine.getTaskService().getVariableLocal(accommodatedSchedule.getId(), Variables.ORAL_ACCOMMODATIONS))
                    .isEqualTo("**Prénom2027\\-002 Nom2027\\-002** — Aménagement : " + notice);
            assertThat(engine.getTaskService().getVariableLocal(otherSchedule.getId(), Variables.ORAL_ACCOMMODATIONS))
                    .isEqualTo("");
            assertThat(runtime.getVariables(tiersTemps.getId())).doesNotContainKey(Variables.ORAL_ACCOMMODATIONS);

            fixture.submit(accommodatedSchedule, "coordo", Map.of("oralDate", "2027-03-15T14:30", "oralPlace", "Salle 204"));
            fixture.submit(otherSchedule, "coordo", Map.of("oralDate", "2027-03-15T16:30", "oralPlace", "Salle 204"));

            assertThat(notifications.findByProductionIdOrderById(fixture.productionId(tiersTemps)))
                    .filteredOn(n -> n.getKind().equals("CONVOCATION")).singleElement()
                    .satisfies(n -> assertThat(n.getBody()).contains("- lieu : Salle 204\n- aménagement : " + notice + "\n"));
            assertThat(notifications.findByProductionIdOrderById(fixture.productionId(other)))
                    .filteredOn(n -> n.getKind().equals("CONVOCATION")).singleElement()
                    .satisfies(n -> assertThat(n.getBody()).contains("- lieu : Salle 204\n\n").doesNotContain("ménagement"));
        }
    }

    /**
     * A coordinator designates the jury the rule could not find: the candidate's trainer is the pool's only external
     * professional, so no jury meets every rule.
     */
    @Nested
    class ManualDesignation {

        static final String REASON = "Seul professionnel extérieur disponible avant la date limite d'évaluation.";

        Campaign session;
        ProcessInstance instance;
        Long productionId;
        Task manual;

        @BeforeEach
        void noJuryMeetsTheRules() {
            session = fixture.campaign(c -> { });
            fixture.juror(session, "jure2", false, false);
            // A juror with a name of their own: people read it, never the login, in what is kept and printed.
            fixture.jurors.delete(fixture.juror(session, "jure5", true, false));
            fixture.jurors.save(new fr.certiflow.jury.Juror(session.getId(), "jure5", "Paul Roux", true, false, false, 100));
            Candidate trained = fixture.candidate(session, "2027-200", c -> c.setTrainer("Paul Roux"));
            instance = fixture.startProduction(session, trained, "A.4");
            productionId = fixture.productionId(instance);
            fixture.submitAll(productionId, "A.4", FRENCH);
            fixture.admissible(instance);
            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AssignJuryManually").hasPassed("Event_NoEligibleJuror");
            manual = fixture.task(instance, "Task_AssignJuryManually");
        }

        @Test
        void theTaskShowsTheRulesWithTheirSourceAndEachJurorsObjections() {
            var shown = engine.getFormService().getTaskFormVariables(manual.getId());
            assertThat(shown.getValue("juryRules", String.class))
                    .startsWith("**Composition du jury** selon le Règlement de certification MMDC v1, révision 2 :")
                    .contains("- 2 jurés par production ;", "- au moins 1 professionnel extérieur", "dérogation motivée par écrit")
                    .doesNotContain("anglais");
            assertThat(shown.getValue("juryPool", String.class))
                    .contains("| Juré jure2 | jure2 | interne | 0 / 100 | aucune |")
                    .contains("| Paul Roux | jure5 | professionnel extérieur | 0 / 100 | **formateur ou tuteur du candidat** |");
        }

        @Test
        void aJuryThatMeetsEveryRuleNeedsNoReason() {
            // Meanwhile the pool got another external professional.
            fixture.juror(session, "jure4", true, false);

            fixture.submit(manual, "coordo", Map.of("jurorIds", "jure2, jure4"));

            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_EvaluateProduction");
            assertThat(assignments.findByProductionIdOrderByJurorUserId(productionId))
                    .extracting(JuryAssignment::getJurorUserId, JuryAssignment::isManual)
                    .containsExactly(tuple("jure2", true), tuple("jure4", true));
            assertThat(derogations.findByProductionId(productionId)).isEmpty();
            assertThat(cells(consolidatedGrids.of(productionId), "Grille consolidée"))
                    .contains("Jury : Juré jure2, Juré jure4 — désigné par un coordinateur")
                    .noneMatch(text -> text.startsWith("Dérogation"));
        }

        @Test
        void aJuryThatBreaksARuleIsRefusedWithoutAWrittenReasonAndNothingIsRecorded() {
            assertThatThrownBy(() -> fixture.submit(manual, "coordo", Map.of("jurorIds", "jure2, jure5")))
                    .hasMessageContaining("Ce jury s'écarte du Règlement de certification MMDC v1, révision 2 : "
                            + "Paul Roux : formateur ou tuteur du candidat. ")
                    .hasMessageContaining("« Motif de la dérogation » (au moins 15 caractères)");
            assertThatThrownBy(() -> fixture.submit(manual, "coordo", Map.of("jurorIds", "jure2, jure5",
                    "derogationReason", "  Urgence.  ")))
                    .hasMessageContaining("(au moins 15 caractères, 8 donnés)");
            assertThatThrownBy(() -> fixture.submit(manual, "coordo", Map.of("jurorIds", "jure5")))
                    .hasMessageContaining("Paul Roux : formateur ou tuteur du candidat ; "
                            + "1 juré désigné, le règlement en prévoit 2");

            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_AssignJuryManually");
            assertThat(fixture.task(instance, "Task_AssignJuryManually").getId()).isEqualTo(manual.getId());
            assertThat(assignments.findByProductionIdOrderByJurorUserId(productionId)).isEmpty();
            assertThat(derogations.findByProductionId(productionId)).isEmpty();
            assertThat(productions.findById(productionId).orElseThrow().getStatus()).isEqualTo(ProductionStatus.ADMISSIBLE);
        }

        @Test
        void theSameJuryWithAJustifiedDerogationIsRecordedAndShownOnTheGridAndTheMinutes() {
            fixture.submit(manual, "coordo", Map.of("jurorIds", "jure2, jure5", "derogationReason", REASON));

            BpmnAwareTests.assertThat(instance).isWaitingAt("Task_EvaluateProduction");
            assertThat(fixture.tasksOf(instance, "Task_EvaluateProduction")).extracting(Task::getAssignee)
                    .containsExactly("jure2", "jure5");
            JuryDerogation derogation = derogations.findByProductionId(productionId).orElseThrow();
            assertThat(derogation.getSource()).isEqualTo("Règlement de certification MMDC v1, révision 2");
            assertThat(derogation.breaches()).containsExactly("Paul Roux : formateur ou tuteur du candidat");
            assertThat(derogation.getReason()).isEqualTo(REASON);
            assertThat(derogation.getDecidedBy()).isEqualTo("coordo");
            assertThat(derogation.getDecidedAt()).isEqualTo(AssessmentFixture.OPENS);

            String shown = "Dérogation au Règlement de certification MMDC v1, révision 2 : Paul Roux : formateur ou tuteur du "
                    + "candidat — motif : " + REASON + " — coordo, le 04/01/2027";
            // The consolidated grid names people: the jurors by name (the coordinator by login here, having no name).
            assertThat(cells(consolidatedGrids.of(productionId), "Grille consolidée"))
                    .contains("Jury : Juré jure2, Paul Roux — désigné par un coordinateur", shown);
            assertThat(cells(minutes.minutes(session.getId()), "Procès-verbal"))
                    .contains("Jury de A.4 désigné par un coordinateur. " + shown)
                    .noneMatch(text -> text.contains("jure5"));
        }
    }

    /** Every text cell of every visible sheet (a group's consolidated workbook has a sheet per member), row by row. */
    static List<String> visibleCells(byte[] workbook) {
        List<String> texts = new java.util.ArrayList<>();
        org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter();
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            for (int i = 0; i < read.getNumberOfSheets(); i++) {
                if (read.getSheetVisibility(i) == org.apache.poi.ss.usermodel.SheetVisibility.VISIBLE) {
                    read.getSheetAt(i).forEach(row -> row.forEach(cell -> texts.add(formatter.formatCellValue(cell))));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return texts;
    }

    /** Every text cell of a sheet, row by row. */
    static List<String> cells(byte[] workbook, String sheet) {
        List<String> texts = new java.util.ArrayList<>();
        org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter();
        try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            read.getSheet(sheet).forEach(row -> row.forEach(cell -> texts.add(formatter.formatCellValue(cell))));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return texts;
    }

    /** A checklist's value as Tasklist submits it: a JSON list of the ticked options' values. */
    static Object ranks(String... values) {
        return org.camunda.spin.plugin.variable.SpinValues.jsonValue(java.util.Arrays.stream(values)
                .map(value -> "\"" + value + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"))).create();
    }
}
