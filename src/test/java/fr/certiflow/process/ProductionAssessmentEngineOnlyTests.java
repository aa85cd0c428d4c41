package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.errors.RefusedException;
import fr.certiflow.evaluation.ComponentOutcomeInputs;
import fr.certiflow.evaluation.Consolidation;
import fr.certiflow.evaluation.EvaluationTaskListener;
import fr.certiflow.evaluation.HarmonisationTaskListener;
import fr.certiflow.grid.GridGeneration;
import fr.certiflow.jury.JuryAssignmentService;
import fr.certiflow.jury.ManualAssignmentTaskListener;
import fr.certiflow.production.AdmissibilityDecisions;
import fr.certiflow.production.GroupSitting;
import fr.certiflow.production.LanguageChecks;
import fr.certiflow.production.OralSchedules;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import fr.certiflow.production.ProductionGlue;
import fr.certiflow.production.ProductionOpening;
import fr.certiflow.production.ProductionRecords;
import fr.certiflow.production.RequiredContents;
import fr.certiflow.production.SittingMembers;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * « Évaluation d'une production » (processes/production-assessment.bpmn) on Camunda alone: the real production glue
 * over mocked services, the other modules' glue as mocks. Each path of the model: hand-in or absence at the deadline,
 * the reminder, the language check, the admissibility (recevable, returned, refused as submitted), the group's sitting
 * and its outcomes, the jury designated or designated by hand, the oral, jurors agreeing or harmonised, the result.
 */
@Deployment(resources = {"processes/production-assessment.bpmn", "processes/component-result.dmn"})
@Tag("process")
class ProductionAssessmentEngineOnlyTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-only.cfg.xml").build();

    private static final Instant NOW = Instant.parse("2027-02-01T09:00:00Z");
    private static final Instant REMINDER = Instant.parse("2027-02-22T17:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2027-03-01T17:00:00Z");
    private static final String KEY = "MMDC-2027/2027-001/A.1";

    private final ProductionOpening opening = mock(ProductionOpening.class);
    private final ProductionRecords records = mock(ProductionRecords.class);
    private final ProductionContexts contexts = mock(ProductionContexts.class);
    private final LanguageChecks languageChecks = mock(LanguageChecks.class);
    private final AdmissibilityDecisions decisions = mock(AdmissibilityDecisions.class);
    private final OralSchedules schedules = mock(OralSchedules.class);
    private final SittingMembers sittingMembers = mock(SittingMembers.class);

    private final JuryAssignmentService juryAssignment = mock(JuryAssignmentService.class);
    private final GridGeneration gridGeneration = mock(GridGeneration.class);
    private final Consolidation consolidation = mock(Consolidation.class);
    private final ComponentOutcomeInputs componentOutcomeInputs = mock(ComponentOutcomeInputs.class);
    private final EvaluationTaskListener evaluationTaskListener = mock(EvaluationTaskListener.class);
    private final HarmonisationTaskListener harmonisationTaskListener = mock(HarmonisationTaskListener.class);
    private final ManualAssignmentTaskListener manualAssignmentTaskListener = mock(ManualAssignmentTaskListener.class);
    private final TaskNaming taskNaming = mock(TaskNaming.class);

    private final Production production = mock(Production.class);
    private final ProductionContexts.Context context = new ProductionContexts.Context(production, null, null, null, null, null);

    private ProcessEngine processEngine;

    @BeforeEach
    void glue() {
        processEngine = engine.getProcessEngine();
        ClockUtil.setCurrentTime(Date.from(NOW));
        when(contexts.production(any(DelegateExecution.class))).thenReturn(production);
        when(contexts.of(any(DelegateExecution.class))).thenReturn(context);
        when(contexts.of(any(DelegateTask.class))).thenReturn(context);
        when(contexts.members(any(DelegateTask.class))).thenReturn(List.of(production));
        when(contexts.members(any(DelegateExecution.class))).thenReturn(List.of(production));
        when(juryAssignment.jurors(any())).thenReturn(List.of("jure1", "jure2"));
        when(records.recordAbsence(production)).thenReturn(Decision.ABSENT.code());
        when(decisions.view(context)).thenReturn(new AdmissibilityDecisions.AdmissibilityView("- [production.pdf](/f/1)",
                "/certiflow/productions/5", null, new RequiredContents(List.of("la définition des objectifs"))));
        jurorsAgree(true);
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable("acquiredPercent", 80);
            execution.setVariable("minimumAcquiredPercent", 50);
            execution.setVariable("requiredCriteriaAcquired", true);
            return null;
        }).when(componentOutcomeInputs).notify(any());

        Mocks.register("productionProcess", ProductionGlue.productionProcess(opening, records, contexts));
        Mocks.register("languageCheck", ProductionGlue.languageCheck(contexts, languageChecks));
        Mocks.register("admissibilityTaskListener", ProductionGlue.admissibilityTaskListener(contexts, decisions));
        Mocks.register("oralSchedulingTaskListener", ProductionGlue.oralSchedulingTaskListener(contexts, schedules));
        Mocks.register("groupSittings", ProductionGlue.groupSittings(sittingMembers, contexts,
                processEngine.getRuntimeService()));
        Mocks.register("juryAssignment", juryAssignment);
        Mocks.register("gridGeneration", gridGeneration);
        Mocks.register("consolidation", consolidation);
        Mocks.register("componentOutcomeInputs", componentOutcomeInputs);
        Mocks.register("evaluationTaskListener", evaluationTaskListener);
        Mocks.register("harmonisationTaskListener", harmonisationTaskListener);
        Mocks.register("manualAssignmentTaskListener", manualAssignmentTaskListener);
        Mocks.register("taskNaming", taskNaming);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private void jurorsAgree(boolean agree) {
        doAnswer(call -> {
            ((DelegateExecution) call.getArgument(0)).setVariable(Variables.JURORS_AGREE, agree);
            return null;
        }).when(consolidation).consolidate(any());
    }

    private static ProductionOpening.OpenedProduction opened(boolean english, boolean groupSitting, boolean oral) {
        return new ProductionOpening.OpenedProduction(5L, "Formation", DEADLINE, REMINDER, english, groupSitting, oral,
                "Candidat n° 2027-001", "A.1 Veille", "evaluation-a-1", "harmonisation-a-1", null);
    }

    /** Starts the production's process as the bloc's process does, and runs its opening step. */
    private ProcessInstance start(ProductionOpening.OpenedProduction opened) {
        when(opening.open(eq(1L), eq(11L), eq("A.1"), eq(1), eq(KEY), any())).thenReturn(opened);
        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey("ProductionAssessment", KEY,
                Map.of(Variables.CAMPAIGN_ID, 1L, Variables.CANDIDATE_ID, 11L, Variables.COMPONENT_CODE, "A.1",
                        Variables.ATTEMPT, 1));
        runJobs();
        return instance;
    }

    /** Runs every job due now, as the job executor would, until none is left. */
    private void runJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = processEngine.getManagementService().createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> processEngine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep coming");
    }

    private void submit() {
        processEngine.getRuntimeService().createMessageCorrelation(ProcessKeys.MESSAGE_PRODUCTION_SUBMITTED)
                .processInstanceBusinessKey(KEY).correlate();
        runJobs();
    }

    private Task task(String activityId) {
        List<Task> tasks = processEngine.getTaskService().createTaskQuery().taskDefinitionKey(activityId).list();
        assertThat(tasks).as(activityId).hasSize(1);
        return tasks.get(0);
    }

    private void complete(String activityId, Map<String, Object> local) {
        Task task = task(activityId);
        processEngine.getTaskService().setVariablesLocal(task.getId(), local);
        processEngine.getTaskService().complete(task.getId());
        runJobs();
    }

    private void admissible() {
        when(decisions.decide(eq(context), eq(List.of(production)), any()))
                .thenReturn(new AdmissibilityDecisions.AdmissibilityOutcome(true, null));
        complete(ActivityIds.CHECK_ADMISSIBILITY, Map.of(Variables.ADMISSIBILITY, "RECEVABLE"));
    }

    private void evaluate() {
        List<Task> evaluations = processEngine.getTaskService().createTaskQuery().taskDefinitionKey("Task_EvaluateProduction")
                .orderByTaskAssignee().asc().list();
        assertThat(evaluations).extracting(Task::getAssignee).containsExactly("jure1", "jure2");
        evaluations.forEach(task -> processEngine.getTaskService().complete(task.getId()));
        runJobs();
    }

    private void assertEndedAt(ProcessInstance instance, String endEvent) {
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(instance.getId()).count()).as("ended").isZero();
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId()).activityId(endEvent).count()).as(endEvent).isEqualTo(1);
    }

    private List<String> activeActivities(ProcessInstance instance) {
        return processEngine.getRuntimeService().getActiveActivityIds(instance.getId());
    }

    private Object variable(ProcessInstance instance, String name) {
        return processEngine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).list().stream().findFirst().map(v -> v.getValue()).orElse(null);
    }

    @Test
    void aWrittenProductionHandedInInTimeAdmissibleAndAssessedByAgreeingJurorsIsRecorded() {
        ProcessInstance instance = start(opened(false, false, false));

        assertThat(activeActivities(instance)).containsExactly("Task_AwaitSubmission");
        assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), Variables.PRODUCTION_ID)).isEqualTo(5L);
        assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), Variables.SUBMISSION_DEADLINE))
                .isEqualTo(Date.from(DEADLINE));
        assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), Variables.COMPONENT_LABEL))
                .isEqualTo("A.1 Veille");

        submit();
        verify(languageChecks, never()).detect(any());
        Task check = task(ActivityIds.CHECK_ADMISSIBILITY);
        assertThat(processEngine.getTaskService().getVariableLocal(check.getId(), Variables.DOCUMENTS_SUMMARY))
                .isEqualTo("- [production.pdf](/f/1)");
        assertThat(processEngine.getTaskService().getVariableLocal(check.getId(), Variables.PRODUCTION_CONSOLE))
                .isEqualTo("/certiflow/productions/5");
        assertThat(processEngine.getTaskService().getVariableLocal(check.getId(), Variables.LANGUAGE_CHECK_SUMMARY)).isNull();
        assertThat(processEngine.getTaskService().getVariableLocal(check.getId(), Variables.REQUIRED_CONTENTS_OPTIONS))
                .hasToString("[{\"label\":\"la définition des objectifs\",\"value\":\"1\"}]");

        admissible();
        verify(juryAssignment).assign(any());
        verify(gridGeneration).generate(any());
        assertThat(activeActivities(instance)).as("no oral: evaluation opens").containsOnly("Task_EvaluateProduction");

        evaluate();
        verify(consolidation).consolidate(any());
        verify(records).recordResult(production, "VALIDE");
        assertEndedAt(instance, "EndEvent_Assessed");
        assertThat(variable(instance, Variables.ADMISSIBILITY)).isEqualTo("RECEVABLE");
    }

    @Test
    void theDeadlinePassingWithoutAHandInEndsTheComposanteAbsent() {
        ProcessInstance instance = start(opened(false, false, false));

        ClockUtil.setCurrentTime(Date.from(DEADLINE.plusSeconds(1)));
        Job deadline = processEngine.getManagementService().createJobQuery().activityId("Event_SubmissionDeadline")
                .singleResult();
        assertThat(deadline.getDuedate()).isEqualTo(Date.from(DEADLINE));
        processEngine.getManagementService().executeJob(deadline.getId());
        runJobs();

        verify(records).recordAbsence(production);
        assertEndedAt(instance, "EndEvent_Absent");
        assertThat(variable(instance, Variables.COMPONENT_RESULT)).isEqualTo("ABSENT");
    }

    @Test
    void theReminderIsSentBeforeTheDeadlineAndTheProductionIsStillAwaited() {
        ProcessInstance instance = start(opened(false, false, false));

        ClockUtil.setCurrentTime(Date.from(REMINDER.plus(Duration.ofMinutes(1))));
        runJobs();

        verify(records).remind(production, "A.1 Veille");
        assertThat(activeActivities(instance)).containsExactly("Task_AwaitSubmission");
        assertThat(processEngine.getManagementService().createJobQuery().activityId("Event_SubmissionDeadline").count())
                .isEqualTo(1);
    }

    @Test
    void aReturnedProductionIsMailedWithItsReasonAndAwaitedAgain() {
        ProcessInstance instance = start(opened(false, false, false));
        submit();
        when(decisions.decide(eq(context), eq(List.of(production)), any()))
                .thenReturn(new AdmissibilityDecisions.AdmissibilityOutcome(false, "Le budget manque."));

        complete(ActivityIds.CHECK_ADMISSIBILITY, Map.of(Variables.ADMISSIBILITY, "A_RETOURNER",
                Variables.RETURN_REASON, "  Le budget manque.  "));

        verify(records).returnToCandidate(production, "Le budget manque.", "A.1 Veille");
        assertThat(activeActivities(instance)).containsExactly("Task_AwaitSubmission");
        assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), Variables.RETURN_REASON))
                .as("transient: the production keeps it").isNull();
        verify(juryAssignment, never()).assign(any());

        submit();
        admissible();
        assertThat(activeActivities(instance)).containsOnly("Task_EvaluateProduction");
    }

    @Test
    void anAdmissibilityDecisionRefusedAsSubmittedKeepsTheTaskOpen() {
        ProcessInstance instance = start(opened(false, false, false));
        submit();
        when(decisions.decide(eq(context), eq(List.of(production)), any()))
                .thenThrow(new RefusedException("Indiquez au candidat la raison du renvoi de sa production."));
        Task check = task(ActivityIds.CHECK_ADMISSIBILITY);
        processEngine.getTaskService().setVariableLocal(check.getId(), Variables.ADMISSIBILITY, "A_RETOURNER");

        assertThatThrownBy(() -> processEngine.getTaskService().complete(check.getId()))
                .hasRootCauseInstanceOf(ProcessException.class)
                .hasMessageContaining("Indiquez au candidat la raison du renvoi de sa production.");
        assertThat(activeActivities(instance)).containsExactly(ActivityIds.CHECK_ADMISSIBILITY);
        verify(records, never()).returnToCandidate(any(), any(), any());
    }

    @Test
    void documentsRequiredInEnglishAreCheckedBeforeTheAdmissibility() {
        start(opened(true, false, false));
        when(decisions.view(context)).thenReturn(new AdmissibilityDecisions.AdmissibilityView("", "/certiflow/productions/5",
                "Tous les documents sont dans la langue exigée.", new RequiredContents(List.of())));

        submit();

        verify(languageChecks).detect(context);
        assertThat(processEngine.getTaskService().getVariableLocal(task(ActivityIds.CHECK_ADMISSIBILITY).getId(),
                Variables.LANGUAGE_CHECK_SUMMARY)).isEqualTo("Tous les documents sont dans la langue exigée.");
    }

    @Test
    void anOralIsScheduledAndTheEvaluationOpensOnItsDay() {
        ProcessInstance instance = start(opened(false, false, true));
        submit();
        when(schedules.accommodations(any(), eq(List.of(production)))).thenReturn("**Léa Martin** — Aménagement : tiers-temps");
        admissible();

        Task schedule = task(ActivityIds.SCHEDULE_ORAL);
        assertThat(processEngine.getTaskService().getVariableLocal(schedule.getId(), Variables.ORAL_ACCOMMODATIONS))
                .isEqualTo("**Léa Martin** — Aménagement : tiers-temps");
        Instant oral = Instant.parse("2027-03-15T13:30:00Z");
        when(schedules.schedule(context, List.of(production), "15/03/2027 14:30", "Salle 2", "A.1 Veille")).thenReturn(oral);
        complete(ActivityIds.SCHEDULE_ORAL, Map.of(Variables.ORAL_DATE, "15/03/2027 14:30", Variables.ORAL_PLACE, "Salle 2"));

        assertThat(activeActivities(instance)).containsExactly("Event_OralDate");
        assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), Variables.ORAL_AT)).isEqualTo(Date.from(oral));
        ClockUtil.setCurrentTime(Date.from(oral.plusSeconds(60)));
        runJobs();
        evaluate();
        assertEndedAt(instance, "EndEvent_Assessed");
    }

    @Test
    void anOralDateRefusedAsSubmittedKeepsTheSchedulingOpen() {
        ProcessInstance instance = start(opened(false, false, true));
        submit();
        admissible();
        when(schedules.schedule(any(), any(), any(), any(), any()))
                .thenThrow(new RefusedException("La date de soutenance doit être dans le futur."));
        Task schedule = task(ActivityIds.SCHEDULE_ORAL);
        processEngine.getTaskService().setVariablesLocal(schedule.getId(),
                Map.of(Variables.ORAL_DATE, "01/01/2027 10:00", Variables.ORAL_PLACE, "Salle 2"));

        assertThatThrownBy(() -> processEngine.getTaskService().complete(schedule.getId()))
                .hasRootCauseInstanceOf(ProcessException.class).hasMessageContaining("La date de soutenance doit être dans le futur.");
        assertThat(activeActivities(instance)).containsExactly(ActivityIds.SCHEDULE_ORAL);
    }

    @Test
    void noEligibleJurorLeadsToTheManualDesignationThenTheGrids() {
        ProcessInstance instance = start(opened(false, false, false));
        submit();
        doThrow(new BpmnError("NO_ELIGIBLE_JUROR", "Aucun juré éligible")).when(juryAssignment).assign(any());
        admissible();

        assertThat(activeActivities(instance)).containsExactly("Task_AssignJuryManually");
        verify(gridGeneration, never()).generate(any());
        complete("Task_AssignJuryManually", Map.of());

        verify(gridGeneration).generate(any());
        assertThat(activeActivities(instance)).containsOnly("Task_EvaluateProduction");
    }

    @Test
    void jurorsWhoDisagreeAreHarmonisedBeforeTheResult() {
        ProcessInstance instance = start(opened(false, false, false));
        submit();
        admissible();
        jurorsAgree(false);
        evaluate();

        assertThat(activeActivities(instance)).containsExactly("Task_Harmonise");
        verify(records, never()).recordResult(any(), any());
        complete("Task_Harmonise", Map.of());

        verify(records).recordResult(production, "VALIDE");
        assertEndedAt(instance, "EndEvent_Assessed");
    }

    @Test
    void aResultBelowTheThresholdIsRecordedNotValidated() {
        ProcessInstance instance = start(opened(false, false, false));
        submit();
        admissible();
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0);
            execution.setVariable("acquiredPercent", 40);
            execution.setVariable("minimumAcquiredPercent", 50);
            execution.setVariable("requiredCriteriaAcquired", true);
            return null;
        }).when(componentOutcomeInputs).notify(any());
        evaluate();

        verify(records).recordResult(production, "NON_VALIDE");
        assertEndedAt(instance, "EndEvent_Assessed");
    }

    @Test
    void aGroupsMemberJoinsTheSittingAndItsOutcomeDecidesItsOwnResult() {
        ProcessInstance instance = start(opened(false, true, true));
        when(sittingMembers.join(production)).thenReturn(Optional.empty());
        submit();

        verify(sittingMembers).join(production);
        verify(decisions, never()).view(any());
        assertThat(activeActivities(instance)).containsExactly("Task_AwaitGroupSitting");

        processEngine.getRuntimeService().createMessageCorrelation(ProcessKeys.MESSAGE_GROUP_SITTING_DONE)
                .processInstanceBusinessKey(KEY).setVariable(Variables.GROUP_OUTCOME, GroupOutcome.ASSESSED.code()).correlate();
        runJobs();

        verify(componentOutcomeInputs).notify(any());
        verify(records).recordResult(production, "VALIDE");
        assertEndedAt(instance, "EndEvent_Assessed");
    }

    @Test
    void aMemberRecordedAbsentAtTheGroupsOralEndsAbsent() {
        ProcessInstance instance = start(opened(false, true, true));
        submit();

        processEngine.getRuntimeService().createMessageCorrelation(ProcessKeys.MESSAGE_GROUP_SITTING_DONE)
                .processInstanceBusinessKey(KEY).setVariable(Variables.GROUP_OUTCOME, GroupOutcome.ABSENT.code()).correlate();

        verify(records).recordAbsence(production);
        assertEndedAt(instance, "EndEvent_AbsentAtOral");
        assertThat(variable(instance, Variables.COMPONENT_RESULT)).isEqualTo("ABSENT");
    }

    @Test
    void aProductionReturnedToTheGroupIsAwaitedAgainFromTheMember() {
        ProcessInstance instance = start(opened(false, true, true));
        submit();

        processEngine.getRuntimeService().createMessageCorrelation(ProcessKeys.MESSAGE_GROUP_SITTING_DONE)
                .processInstanceBusinessKey(KEY).setVariable(Variables.GROUP_OUTCOME, GroupOutcome.RETURNED.code())
                .setVariable(Variables.RETURN_REASON, "Fichier illisible").correlate();

        verify(records).returnToCandidate(production, "Fichier illisible", "A.1 Veille");
        assertThat(activeActivities(instance)).containsExactly("Task_AwaitSubmission");
    }

    @Test
    void theFirstMemberToJoinStartsTheSittingsProcess() {
        String stub = processEngine.getRepositoryService().createDeployment()
                .addModelInstance("group-assessment-stub.bpmn", Bpmn.createExecutableProcess(ProcessKeys.GROUP_ASSESSMENT)
                        .startEvent().userTask("Task_Sitting").endEvent().done())
                .deploy().getId();
        GroupSitting sitting = mock(GroupSitting.class);
        when(sitting.getBusinessKey()).thenReturn("group:MMDC-2027/G1/A.1");
        when(sitting.getGroupCode()).thenReturn("G1");
        when(sittingMembers.join(production)).thenReturn(Optional.of(new SittingMembers.SittingToStart(sitting, 1L,
                "MMDC-2027", false, "A.1", 1, "Groupe G1 : Léa Martin (n° 2027-001)", "A.1 Veille", true, "Formation",
                "group-evaluation-a-1", "harmonisation-a-1", null, 2)));
        start(opened(false, true, true));

        submit();

        ProcessInstance sittingProcess = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("group:MMDC-2027/G1/A.1").singleResult();
        assertThat(sittingProcess).isNotNull();
        Map<String, Object> variables = processEngine.getRuntimeService().getVariables(sittingProcess.getId());
        assertThat(variables).containsEntry(Variables.CAMPAIGN_ID, 1L).containsEntry(Variables.GROUP_CODE, "G1")
                .containsEntry(Variables.COMPONENT_CODE, "A.1").containsEntry(Variables.VAE_SITTING, false)
                .containsEntry(Variables.CANDIDATE_LABEL, "Groupe G1 : Léa Martin (n° 2027-001)")
                .containsEntry(Variables.EVALUATION_FORM_ID, "group-evaluation-a-1")
                .doesNotContainKey(Variables.BLOC_CODE);
        processEngine.getRepositoryService().deleteDeployment(stub, true);
    }
}
