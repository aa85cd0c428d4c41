package fr.certiflow.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.certiflow.errors.ConflictException;
import fr.certiflow.evaluation.ComponentOutcomeInputs;
import fr.certiflow.evaluation.Consolidation;
import fr.certiflow.evaluation.Consolidations;
import fr.certiflow.evaluation.EvaluationTaskListener;
import fr.certiflow.evaluation.GroupEvaluationTaskListener;
import fr.certiflow.evaluation.GroupEvaluations;
import fr.certiflow.evaluation.HarmonisationTaskListener;
import fr.certiflow.evaluation.Harmonisations;
import fr.certiflow.evaluation.JurorEvaluations;
import fr.certiflow.grid.GridGeneration;
import fr.certiflow.grid.JurorGrids;
import fr.certiflow.identity.Groups;
import fr.certiflow.jury.JuryAssignmentService;
import fr.certiflow.jury.ManualAssignmentTaskListener;
import fr.certiflow.production.AdmissibilityTaskListener;
import fr.certiflow.production.GroupSittings;
import fr.certiflow.production.OralSchedulingTaskListener;
import fr.certiflow.production.Production;
import fr.certiflow.production.ProductionContexts;
import java.lang.reflect.Constructor;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The group's sitting (processes/group-assessment.bpmn) on the engine alone: the evaluation, harmonisation, consolidation
 * and grid glue are the real ones over mocked services; the other beans (admissibility, jury assignment, oral
 * scheduling, the sitting's members and outcome) are mocks. A sitting is opened as the members' joins open it: one
 * instance keyed by the group, with the variables the first member's join sets.
 */
@Deployment(resources = "processes/group-assessment.bpmn")
@Tag("process")
class GroupAssessmentEngineOnlyTests {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().configurationResource("engine-only.cfg.xml").build();

    static final String SITTING = "group:MMDC-2027/G1/A.1";
    static final String VAE_SITTING = "vae:MMDC-2027/2027-070/BC1";

    final ProductionContexts contexts = mock(ProductionContexts.class);
    final JurorEvaluations jurorEvaluations = mock(JurorEvaluations.class);
    final GroupEvaluations groupEvaluations = mock(GroupEvaluations.class);
    final Harmonisations harmonisations = mock(Harmonisations.class);
    final Consolidations consolidations = mock(Consolidations.class);
    final JurorGrids jurorGrids = mock(JurorGrids.class);
    final GroupSittings groupSittings = mock(GroupSittings.class);
    final JuryAssignmentService juryAssignment = mock(JuryAssignmentService.class);
    final AdmissibilityTaskListener admissibility = mock(AdmissibilityTaskListener.class);
    final ManualAssignmentTaskListener manualAssignment = mock(ManualAssignmentTaskListener.class);
    final OralSchedulingTaskListener oralScheduling = mock(OralSchedulingTaskListener.class);
    final TaskNaming taskNaming = mock(TaskNaming.class);

    RuntimeService runtime;
    TaskService tasks;
    ManagementService management;

    @BeforeEach
    void beans() throws ReflectiveOperationException {
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
        management = engine.getManagementService();
        BpmnAwareTests.init(engine.getProcessEngine());
        // The production a member's step is for: its element variable, as ProductionContexts reads it.
        when(contexts.production(any(DelegateExecution.class))).thenAnswer(call ->
                member((DelegateExecution) call.getArgument(0)));
        when(contexts.production(any(DelegateTask.class))).thenAnswer(call ->
                member(((DelegateTask) call.getArgument(0)).getExecution()));
        when(groupSittings.memberIds(any())).thenReturn(List.of(1L, 2L));
        when(groupSittings.membersToHarmonise(any())).thenReturn(List.of());
        when(juryAssignment.jurors(any())).thenReturn(List.of("jure1", "jure2"));
        when(groupEvaluations.open(anyString(), anyString())).thenAnswer(call -> new GroupEvaluations.Opening(2,
                "- [dossier.pdf](/api/files/3)", Map.of("member1Label", "Membre 1 — Léa Martin (n° 2027-001)",
                        "member2Label", "Membre 2 — Hugo Petit (n° 2027-002)"),
                Optional.of("- [Grille d'évaluation du groupe (Excel) : une feuille par membre](/api/grids/9)\n"), Optional.empty()));
        when(jurorEvaluations.open(anyLong(), anyString())).thenAnswer(call -> new JurorEvaluations.Opening(
                Optional.of(new JurorEvaluations.VaeRoute("VAE — dossier de validation et entretien", "entretien")),
                "- [dossier-vae.pdf](/api/files/5)", Optional.empty(), Optional.empty()));
        when(harmonisations.open(anyLong())).thenAnswer(call -> new Harmonisations.Opening(
                Map.of("A1_CR1_agreed", "ACQUIS"), "#### Critère 1 — concordant", "- [dossier.pdf](/api/files/3)"));

        Mocks.register("evaluationTaskListener", construct(EvaluationTaskListener.class, jurorEvaluations, contexts));
        Mocks.register("groupEvaluationTaskListener", construct(GroupEvaluationTaskListener.class, groupEvaluations));
        Mocks.register("harmonisationTaskListener", construct(HarmonisationTaskListener.class, harmonisations, contexts));
        Mocks.register("consolidation", construct(Consolidation.class, consolidations, contexts));
        Mocks.register("componentOutcomeInputs", construct(ComponentOutcomeInputs.class, consolidations, contexts));
        Mocks.register("gridGeneration", construct(GridGeneration.class, jurorGrids, contexts));
        Mocks.register("groupSittings", groupSittings);
        Mocks.register("juryAssignment", juryAssignment);
        Mocks.register("admissibilityTaskListener", admissibility);
        Mocks.register("manualAssignmentTaskListener", manualAssignment);
        Mocks.register("oralSchedulingTaskListener", oralScheduling);
        Mocks.register("taskNaming", taskNaming);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void aReturnedProductionGoesBackToEveryMemberAndTheSittingEnds() {
        ProcessInstance sitting = open(SITTING, false, false);

        Task check = admissibilityCheck(sitting);
        verify(admissibility).notify(argThat(task -> task.getId().equals(check.getId())));
        tasks.complete(check.getId(), Map.of(Variables.ADMISSIBILITY, Admissibility.A_RETOURNER.name()));

        verify(groupSittings).returnToGroup(any());
        verify(juryAssignment, never()).assignGroup(any());
        BpmnAwareTests.assertThat(sitting).isEnded().hasPassed("EndEvent_Returned");
    }

    @Test
    void anAdmissibleGroupGetsOneJuryGridsPerMemberAndATaskPerJurorThenEachMemberGetsTheOutcome() {
        ProcessInstance sitting = open(SITTING, false, false);
        tasks.complete(admissibilityCheck(sitting).getId(), Map.of(Variables.ADMISSIBILITY, Admissibility.RECEVABLE.name()));

        runJobs(sitting);

        verify(juryAssignment).assignGroup(any());
        verify(jurorGrids).generate(SITTING, 1L);
        verify(jurorGrids).generate(SITTING, 2L);
        List<Task> evaluations = tasks(sitting, ActivityIds.EVALUATE_GROUP);
        assertThat(evaluations).extracting(Task::getAssignee).containsExactlyInAnyOrder("jure1", "jure2");
        Task first = evaluations.get(0);
        verify(groupEvaluations).open(SITTING, first.getAssignee());
        assertThat(tasks.getVariablesLocal(first.getId())).containsEntry(Variables.MEMBER_COUNT, 2)
                .containsEntry("member2Label", "Membre 2 — Hugo Petit (n° 2027-002)")
                .containsEntry(Variables.DOCUMENTS_SUMMARY, "- [dossier.pdf](/api/files/3)")
                .containsEntry(Variables.GRID_LINK, "- [Grille d'évaluation du groupe (Excel) : une feuille par membre](/api/grids/9)\n")
                .doesNotContainKey(Variables.ADMISSIBILITY_NOTE);

        for (Task evaluation : evaluations) {
            submit(evaluation, Map.of("M1_A1_CR1_rating", "ACQUIS", "M2_absent", true));
            verify(groupEvaluations).record(eq(SITTING), argThat(submission -> submission.designatedJuror().equals(evaluation.getAssignee())
                    && submission.assignee().equals(evaluation.getAssignee()) && submission.actor().isEmpty()
                    && Boolean.TRUE.equals(submission.form().get("M2_absent"))));
        }
        runJobs(sitting);

        verify(consolidations).consolidateSitting(SITTING);
        verify(groupSittings).assessed(any());
        verify(harmonisations, never()).open(anyLong());
        BpmnAwareTests.assertThat(sitting).isEnded().hasPassed("EndEvent_Assessed").hasNotPassed(ActivityIds.HARMONISE);
    }

    @Test
    void withoutAnEligibleJuryACoordinatorDesignatesItThenTheSittingGoesOn() {
        doThrow(new BpmnError("NO_ELIGIBLE_JUROR", "Aucun juré éligible")).when(juryAssignment).assignGroup(any());
        ProcessInstance sitting = open(SITTING, false, false);
        tasks.complete(admissibilityCheck(sitting).getId(), Map.of(Variables.ADMISSIBILITY, Admissibility.RECEVABLE.name()));

        runJobs(sitting);

        Task manual = tasks.createTaskQuery().processInstanceId(sitting.getId())
                .taskDefinitionKey(ActivityIds.ASSIGN_JURY_MANUALLY).singleResult();
        assertThat(manual).isNotNull();
        assertThat(tasks.createTaskQuery().taskCandidateGroup(Groups.COORDINATORS).taskId(manual.getId()).count()).isEqualTo(1);
        verify(jurorGrids, never()).generate(anyString(), anyLong());
        tasks.complete(manual.getId());
        runJobs(sitting);

        verify(jurorGrids, times(2)).generate(eq(SITTING), anyLong());
        assertThat(tasks(sitting, ActivityIds.EVALUATE_GROUP)).hasSize(2);
    }

    @Test
    void theOralIsScheduledOnceAndTheEvaluationOpensOnItsDay() {
        ProcessInstance sitting = open(SITTING, true, false);
        tasks.complete(admissibilityCheck(sitting).getId(), Map.of(Variables.ADMISSIBILITY, Admissibility.RECEVABLE.name()));
        runJobs(sitting);

        Task schedule = tasks.createTaskQuery().processInstanceId(sitting.getId()).taskDefinitionKey(ActivityIds.SCHEDULE_ORAL)
                .singleResult();
        assertThat(tasks(sitting, ActivityIds.EVALUATE_GROUP)).isEmpty();
        Date oral = Date.from(Instant.parse("2027-06-10T08:00:00Z"));
        tasks.complete(schedule.getId(), Map.of(Variables.ORAL_AT, oral));

        Job timer = management.createJobQuery().processInstanceId(sitting.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(oral);
        assertThat(tasks(sitting, ActivityIds.EVALUATE_GROUP)).isEmpty();
        ClockUtil.setCurrentTime(Date.from(oral.toInstant().plusSeconds(60)));
        management.executeJob(timer.getId());

        assertThat(tasks(sitting, ActivityIds.EVALUATE_GROUP)).hasSize(2);
    }

    @Test
    void aMemberOnWhomTheJurorsDisagreeIsHarmonisedByAJuryPresident() {
        when(groupSittings.membersToHarmonise(any())).thenReturn(List.of(2L));
        ProcessInstance sitting = evaluatedByBothJurors(open(SITTING, false, false));

        Task harmonise = tasks.createTaskQuery().processInstanceId(sitting.getId()).taskDefinitionKey(ActivityIds.HARMONISE)
                .singleResult();
        verify(harmonisations).open(2L);
        verify(groupSittings, times(1)).nameMember(argThat(execution -> Long.valueOf(2L).equals(execution.getVariable(
                Variables.MEMBER_PRODUCTION_ID))));
        assertThat(tasks.getVariablesLocal(harmonise.getId())).containsEntry("A1_CR1_agreed", "ACQUIS")
                .containsEntry(Variables.EVALUATIONS_SIDE_BY_SIDE, "#### Critère 1 — concordant");
        assertThat(tasks.createTaskQuery().taskCandidateGroup(Groups.JURY_PRESIDENTS).taskId(harmonise.getId()).count()).isEqualTo(1);

        engine.getIdentityService().setAuthentication("coordo", List.of(Groups.COORDINATORS));
        assertThatThrownBy(() -> submit(harmonise, Map.of("harmonisationComment", "Vu.")))
                .hasMessageContaining("Seul un président de jury harmonise les évaluations.")
                .rootCause().isInstanceOf(ProcessException.class);
        verify(harmonisations, never()).record(anyLong(), anyString(), any());

        engine.getIdentityService().setAuthentication("president", List.of(Groups.JURY_PRESIDENTS));
        submit(harmonise, Map.of("harmonisationComment", "Vu."));
        engine.getIdentityService().clearAuthentication();
        runJobs(sitting);

        verify(harmonisations).record(eq(2L), eq("president"), argThat(form -> "Vu.".equals(form.get("harmonisationComment"))));
        verify(groupSittings).assessed(any());
        BpmnAwareTests.assertThat(sitting).isEnded().hasPassed(ActivityIds.HARMONISE, "EndEvent_Assessed");
    }

    @Test
    void aRefusedGroupEvaluationLeavesTheTaskOpenAndTheTaskStaysWithItsJuror() {
        ProcessInstance sitting = open(SITTING, false, false);
        tasks.complete(admissibilityCheck(sitting).getId(), Map.of(Variables.ADMISSIBILITY, Admissibility.RECEVABLE.name()));
        runJobs(sitting);
        Task evaluation = tasks(sitting, ActivityIds.EVALUATE_GROUP).get(0);
        doThrow(new ConflictException("Léa Martin (n° 2027-001) a été déclaré(e) absent(e) à la soutenance par un autre juré"))
                .when(groupEvaluations).record(eq(SITTING), any());

        assertThatThrownBy(() -> tasks.complete(evaluation.getId()))
                .hasMessageContaining("Léa Martin (n° 2027-001) a été déclaré(e) absent(e) à la soutenance par un autre juré")
                .rootCause().isInstanceOf(ProcessException.class);
        assertThatThrownBy(() -> tasks.setAssignee(evaluation.getId(), "jure3"))
                .hasMessageContaining("Cette évaluation est celle de " + evaluation.getAssignee() + " : elle ne peut être ni cédée ni libérée.")
                .rootCause().isInstanceOf(ProcessException.class);

        assertThat(tasks.createTaskQuery().taskId(evaluation.getId()).singleResult().getAssignee()).isEqualTo(evaluation.getAssignee());
        verify(consolidations, never()).consolidateSitting(any());
    }

    @Test
    void aVaeSittingEvaluatesEachComposanteByTheSameJury() {
        ProcessInstance sitting = open(VAE_SITTING, false, true);
        tasks.complete(admissibilityCheck(sitting).getId(), Map.of(Variables.ADMISSIBILITY, Admissibility.RECEVABLE.name()));
        runJobs(sitting);

        List<Task> evaluations = tasks(sitting, ActivityIds.EVALUATE_PRODUCTION);
        assertThat(evaluations).hasSize(4);
        assertThat(tasks(sitting, ActivityIds.EVALUATE_GROUP)).isEmpty();
        verify(jurorEvaluations).open(1L, "jure1");
        verify(jurorEvaluations).open(2L, "jure2");
        assertThat(tasks.getVariablesLocal(evaluations.get(0).getId())).containsEntry(Variables.VAE_ROUTE, true)
                .containsEntry(Variables.VAE_MODALITY, "entretien").containsEntry(Variables.DOCUMENTS_SUMMARY, "- [dossier-vae.pdf](/api/files/5)");

        for (Task evaluation : evaluations) {
            submit(evaluation, Map.of(Variables.EVALUATION_CHANNEL, "GRID"));
        }
        verify(jurorEvaluations, times(4)).record(anyLong(), argThat(submission ->
                submission.designatedJuror().equals(submission.assignee())), eq("GRID"));
        verify(jurorEvaluations).record(eq(2L), argThat(submission -> submission.designatedJuror().equals("jure1")), eq("GRID"));
        runJobs(sitting);

        verify(consolidations).consolidateSitting(VAE_SITTING);
        BpmnAwareTests.assertThat(sitting).isEnded().hasPassed("SubProcess_EvaluateComponents", "EndEvent_Assessed");
    }

    /** Completes a user task as its form does: the submitted values on the task itself. */
    private void submit(Task task, Map<String, Object> values) {
        tasks.setVariablesLocal(task.getId(), values);
        tasks.complete(task.getId());
    }

    /** Opens the sitting as the first member's join does. */
    private ProcessInstance open(String businessKey, boolean oral, boolean vae) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.CAMPAIGN_ID, 1L);
        variables.put(Variables.CAMPAIGN_CODE, "MMDC-2027");
        variables.put(Variables.COMPONENT_CODE, "A.1");
        variables.put(Variables.VAE_SITTING, vae);
        variables.put(Variables.ORAL, oral);
        variables.put(Variables.EVALUATION_FORM_ID, vae ? "evaluation-mmdc-v1-r2-a-4" : "group-evaluation-mmdc-v1-r2-a-1");
        variables.put(Variables.HARMONISATION_FORM_ID, "harmonisation-mmdc-v1-r2-a-1");
        variables.put(Variables.EVALUATION_DUE, Date.from(Instant.parse("2027-07-01T10:00:00Z")));
        return runtime.startProcessInstanceByKey(ProcessKeys.GROUP_ASSESSMENT, businessKey, variables);
    }

    private ProcessInstance evaluatedByBothJurors(ProcessInstance sitting) {
        tasks.complete(admissibilityCheck(sitting).getId(), Map.of(Variables.ADMISSIBILITY, Admissibility.RECEVABLE.name()));
        runJobs(sitting);
        for (Task evaluation : tasks(sitting, ActivityIds.EVALUATE_GROUP)) {
            tasks.complete(evaluation.getId());
        }
        runJobs(sitting);
        return sitting;
    }

    /** The admissibility check, once its asynchronous start has run: one for the group. */
    private Task admissibilityCheck(ProcessInstance sitting) {
        runJobs(sitting);
        return tasks.createTaskQuery().processInstanceId(sitting.getId()).taskDefinitionKey(ActivityIds.CHECK_ADMISSIBILITY)
                .singleResult();
    }

    private List<Task> tasks(ProcessInstance sitting, String activity) {
        return tasks.createTaskQuery().processInstanceId(sitting.getId()).taskDefinitionKey(activity).orderByTaskAssignee().asc().list();
    }

    /** Runs the sitting's jobs, except timers, until it waits for a person or a timer. */
    private void runJobs(ProcessInstance sitting) {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(sitting.getId()).messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new IllegalStateException("The sitting's jobs do not end");
    }

    /** A production (a mock) with the id of the member the step is for; the group's first member outside such a step. */
    private static Production member(DelegateExecution execution) {
        Object id = execution.getVariable(Variables.MEMBER_PRODUCTION_ID);
        Production production = mock(Production.class);
        when(production.getId()).thenReturn(id == null ? 1L : ((Number) id).longValue());
        return production;
    }

    /** The glue built as Spring builds it (its constructor is package-private). */
    private static <T> T construct(Class<T> type, Object... services) throws ReflectiveOperationException {
        Constructor<?> constructor = type.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        return type.cast(constructor.newInstance(services));
    }
}
